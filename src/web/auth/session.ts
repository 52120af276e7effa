/**
 * Finds the signed-in user: the session cookie for the browser, `Authorization: Bearer` for the write API.
 * Any request carrying a session cookie is personal, so its response is marked no-store and kept out of caches.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { readCookie, sessionCookieName } from './cookie.ts';
import type { StaffEnv } from './staff-env.ts';

/** The token of `Authorization: Bearer …` on an API request; elsewhere the header is ignored. */
export function bearerToken(c: Context): string | undefined {
  if (!c.req.path.startsWith('/api/')) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
}

export function loadUser(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    c.set('user', undefined);
    c.set('sessionToken', undefined);
    c.set('authRefusal', undefined);
    const bearer = bearerToken(c);
    const cookie = readCookie(c, sessionCookieName);
    if (bearer !== undefined || cookie !== undefined) c.set('noCache', true);
    // A bearer token decides alone: the API client named its credential, whatever cookies the agent holds.
    if (bearer !== undefined) {
      const checked = await c.var.accounts.authenticateApiToken(bearer);
      if (checked.ok) c.set('user', checked.value);
      else c.set('authRefusal', checked.error.message);
    } else if (cookie !== undefined) {
      const user = await c.var.accounts.authenticateSession(cookie);
      if (user) {
        c.set('user', user);
        c.set('sessionToken', cookie);
      }
    }
    await next();
    if (c.var.noCache) c.header('Cache-Control', 'no-store');
  };
}

/** Marks everything under a staff path as never cached, signed in or not (the login form holds a token). */
export function noStore(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    c.set('noCache', true);
    await next();
    c.header('Cache-Control', 'no-store');
  };
}
