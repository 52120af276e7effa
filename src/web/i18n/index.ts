/** The site's two languages: the dictionary, the language of a request, and labels of the model's codes. */
export * from './hrefs.ts';
export * from './labels.ts';
export * from './lang.ts';
export * from './messages.ts';
