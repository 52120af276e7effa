/**
 * CSRF protection by a synchronizer token bound to the session: the token is a keyed hash of the session's
 * secret, so it needs no storage, changes with every login, and cannot be computed without the HttpOnly cookie.
 * Checked on every unsafe method of a cookie-authenticated request (bearer-token API calls carry no cookie).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { loginCookieName, readCookie, sessionCookieName } from './cookie.ts';
import { bearerToken } from './session.ts';
import type { StaffEnv } from './staff-env.ts';

export const csrfFieldName = '_csrf';
export const csrfHeaderName = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The form token of a secret (a session or login cookie), e.g. `csrfTokenFor('q3N…') // 'Zx9…'`. */
export function csrfTokenFor(secret: string): string {
  return createHmac('sha256', secret).update('mieruka-csrf').digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(csrfHeaderName);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    return undefined;
  }
  // parseBody caches the body, so the route handler can still read it.
  const value = (await c.req.parseBody())[csrfFieldName];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The cookie that binds this request's CSRF token: the login form's own cookie on /login (a signed-in browser
 * may log in again), the session everywhere else.
 */
function bindingSecret(c: Context): string | undefined {
  return c.req.path === '/login' ? readCookie(c, loginCookieName) : readCookie(c, sessionCookieName);
}

export function csrfProtection(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    // Bearer-authenticated API calls carry no ambient credential a forged page could borrow.
    if (safeMethods.has(c.req.method) || bearerToken(c) !== undefined) return next();
    const secret = bindingSecret(c);
    const isLogin = c.req.path === '/login';
    if (secret === undefined && !isLogin) return next();
    const token = await submittedToken(c);
    if (secret === undefined || token === undefined || !sameToken(token, csrfTokenFor(secret))) {
      const message =
        'フォームの有効期限が切れたか、不正な送信です。ページを開き直してください (CSRF token missing or invalid)';
      if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'forbidden', message } }, 403);
      return c.text(message, 403);
    }
    return next();
  };
}
