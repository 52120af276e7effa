/** Which requests and responses the page cache may keep: public, anonymous, successful text. */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { loginCookieName, sessionCookieName } from '../auth/cookie.ts';

// Staff areas answer per person and must never come from a shared cache; a health probe must reach the app.
const privatePrefixes = ['/admin', '/staff', '/healthz', '/readyz'];

// Only these make an answer personal: the staff session, and the login form's CSRF cookie.
const personalCookies = [sessionCookieName, loginCookieName];

/**
 * Whether the request carries a cookie the app answers differently for. Other cookies (analytics, a proxy's,
 * `x=1` from a load test) change nothing the app renders, so they must not push every request past the cache.
 */
const hasPersonalCookie = (c: Context): boolean =>
  c.req.header('cookie') !== undefined && personalCookies.some((name) => getCookie(c, name) !== undefined);

/** A GET (or HEAD) from someone without a session or credentials, outside the staff area. */
export function isCacheableRequest(c: Context): boolean {
  const method = c.req.method;
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (hasPersonalCookie(c) || c.req.header('authorization') !== undefined) return false;
  const path = c.req.path;
  return !privatePrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** A complete 200 text response that says nothing against being shared. */
export function isCacheableResponse(res: Response): boolean {
  if (res.status !== 200 || res.headers.has('set-cookie') || res.headers.has('content-encoding'))
    return false;
  if (/\b(no-store|private)\b/i.test(res.headers.get('cache-control') ?? '')) return false;
  return COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('content-type') ?? '');
}

/** method + path + query + lang: anything else that changes a page must be in the query. */
export function cacheKey(c: Context): string {
  // Cheaper than new URL() on every hit; the path is already parsed.
  const url = c.req.url;
  const at = url.indexOf('?');
  const search = at === -1 ? '' : url.slice(at);
  const lang = search.includes('lang=') ? (c.req.query('lang') ?? 'ja') : 'ja';
  return `GET ${c.req.path}${search} ${lang}`;
}
