/** Comparing one indicator across organizations: the page, the API and the link node pages carry. */
export { default as compareApi } from './compare-api.ts';
export { default as comparePage } from './compare-page.tsx';
export { compareHref } from './compare-view.ts';
export { compareWords } from './compare-words.ts';
