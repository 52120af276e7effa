/** The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS. */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const sessionCookieName = 'mieruka_session';
/** Carries the login form's CSRF token before there is a session to bind it to. */
export const loginCookieName = 'mieruka_login';

/**
 * Whether the browser reached us over HTTPS, directly or (with trustProxy) through a proxy that says so.
 * @example isSecureRequest(c, true) // true for X-Forwarded-Proto: https
 */
export function isSecureRequest(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https';
}

export function readCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name) || undefined;
}

export function writeCookie(
  c: Context,
  name: string,
  value: string,
  trustProxy: boolean,
  maxAge?: number,
): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureRequest(c, trustProxy),
    path: '/',
    ...(maxAge === undefined ? {} : { maxAge }),
  });
}

export function clearCookie(c: Context, name: string, trustProxy: boolean): void {
  deleteCookie(c, name, { path: '/', secure: isSecureRequest(c, trustProxy) });
}
