/** The page language: Japanese unless `?lang=en`; links keep the choice so a reader stays in English. */
import type { Context } from 'hono';
import { createContext, useContext } from 'hono/jsx';
import { badRequest } from '../http-error.ts';
import { en, ja, type Messages } from './messages.ts';

export const langs = ['ja', 'en'] as const;
export type Lang = (typeof langs)[number];

const dictionaries: Record<Lang, Messages> = { ja, en };

/** The messages of a language. @example messagesOf('en').home // "Home" */
export function messagesOf(lang: Lang): Messages {
  return dictionaries[lang];
}

/** `?lang=en` → 'en'; absent → 'ja'; anything else is a 400 naming the parameter. */
export function langOf(c: Context): Lang {
  const value = c.req.query('lang');
  if (value === undefined || value === 'ja') return 'ja';
  if (value === 'en') return 'en';
  throw badRequest('lang', `「lang」は ja / en のいずれかです (invalid lang: ${value}; use ja, en)`);
}

/**
 * A site path in the reader's language: English adds `lang=en` to the query, Japanese removes it.
 * @example localHref('/plans/x?status=done', 'en') // "/plans/x?status=done&lang=en"
 */
export function localHref(href: string, lang: Lang): string {
  const url = new URL(href, 'http://local');
  url.searchParams.delete('lang');
  if (lang === 'en') url.searchParams.set('lang', 'en');
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Lets deep components read the page language without threading it through every prop. */
export const LangContext = createContext<Lang>('ja');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useMessages(): Messages {
  return messagesOf(useLang());
}

/** `lang="ja"` for elements holding data when the page is English, so screen readers switch voice. */
export function contentLang(lang: Lang): 'ja' | undefined {
  return lang === 'en' ? 'ja' : undefined;
}

/** The request's path and query, e.g. "/plans/x?status=done", for links back to the same page. */
export function pagePath(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}
