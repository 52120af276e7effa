/**
 * Finds the signed-in user: the session cookie for the browser, `Authorization: Bearer` for the write API.
 * Any request carrying a session cookie is personal, so its response is marked no-store and kept out of caches.
 */
import type { MiddlewareHandler } from 'hono';
import { readCookie, sessionCookieName } from './cookie.ts';
import type { StaffEnv } from './staff-env.ts';

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export function loadUser(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    c.set('user', undefined);
    c.set('sessionToken', undefined);
    const cookie = readCookie(c, sessionCookieName);
    const bearer = bearerToken(c.req.header('authorization'));
    if (cookie !== undefined) {
      c.set('noCache', true);
      const user = await c.var.accounts.authenticateSession(cookie);
      if (user) {
        c.set('user', user);
        c.set('sessionToken', cookie);
      }
    } else if (bearer !== undefined && c.req.path.startsWith('/api/')) {
      c.set('noCache', true);
      c.set('user', await c.var.accounts.authenticateApiToken(bearer));
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
