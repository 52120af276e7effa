/** Which requests and responses the page cache may keep: public, anonymous, successful text. */
import type { Context } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { parse } from 'hono/utils/cookie';
import { loginCookieName, sessionCookieName } from '../auth/cookie.ts';

// Staff areas answer per person and must never come from a shared cache; a health probe must reach the app.
const privatePrefixes = ['/admin', '/staff', '/healthz', '/readyz'];

// Only these make an answer personal: the staff session, and the login form's CSRF cookie.
const personalCookies = [sessionCookieName, loginCookieName];

/** What decides whether a request may be answered from the shared cache, read from Hono or from node:http alike. */
export interface RequestFacts {
  method: string;
  /** As Hono routes it: without the query. */
  path: string;
  cookie: string | undefined;
  authorization: string | undefined;
}

/**
 * Whether the request carries a cookie the app answers differently for. Other cookies (analytics, a proxy's,
 * `x=1` from a load test) change nothing the app renders, so they must not push every request past the cache.
 * Parsed as hono's getCookie parses it, which is how the staff side finds the session.
 */
const hasPersonalCookie = (cookie: string | undefined): boolean =>
  cookie !== undefined && personalCookies.some((name) => parse(cookie, name)[name] !== undefined);

/** A GET (or HEAD) from someone without a session or credentials, outside the staff area. */
export function isCacheable({ method, path, cookie, authorization }: RequestFacts): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (hasPersonalCookie(cookie) || authorization !== undefined) return false;
  return !privatePrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export const isCacheableRequest = (c: Context): boolean =>
  isCacheable({
    method: c.req.method,
    path: c.req.path,
    cookie: c.req.header('cookie'),
    authorization: c.req.header('authorization'),
  });

/** A complete 200 text response that says nothing against being shared. */
export function isCacheableResponse(res: Response): boolean {
  if (res.status !== 200 || res.headers.has('set-cookie') || res.headers.has('content-encoding'))
    return false;
  if (/\b(no-store|private)\b/i.test(res.headers.get('cache-control') ?? '')) return false;
  return COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('content-type') ?? '');
}

/**
 * Path and raw query: anything else that changes a page must be in the query (the language is: `?lang=en`).
 * HEAD shares GET's entry, its answer without the body.
 */
export const cacheKey = (path: string, search: string): string => `GET ${path}${search}`;

/** The raw query of a request URL, `?…` or ''; cheaper than new URL() on every hit. */
export function searchOf(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at);
}
