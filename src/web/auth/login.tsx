/** `/login` and `/logout`: sessions live in the database, the browser holds only the HttpOnly cookie. */
import { Hono } from 'hono';
import { newSecretToken } from '../../store/accounts/secret-token.ts';
import { clientAddress } from './client-address.ts';
import { clearCookie, loginCookieName, readCookie, sessionCookieName, writeCookie } from './cookie.ts';
import { csrfTokenFor } from './csrf.ts';
import { LoginPage } from './LoginPage.tsx';
import { safeNext } from './safe-next.ts';
import type { StaffEnv } from './staff-env.ts';

const login = new Hono<StaffEnv>();

login.get('/login', (c) => {
  const secret = readCookie(c, loginCookieName) ?? newSecretToken();
  writeCookie(c, loginCookieName, secret, c.var.trustProxy);
  return c.html(<LoginPage csrfToken={csrfTokenFor(secret)} next={safeNext(c.req.query('next'))} />);
});

login.post('/login', async (c) => {
  const body = await c.req.parseBody();
  const name = typeof body.login === 'string' ? body.login.trim() : '';
  const password = typeof body.password === 'string' ? body.password : '';
  const next = safeNext(body.next);
  const secret = readCookie(c, loginCookieName) ?? '';
  const result = await c.var.accounts.login(name, password, clientAddress(c, c.var.trustedProxies));
  if (!result.ok) {
    const page = (
      <LoginPage csrfToken={csrfTokenFor(secret)} next={next} login={name} error={result.error.message} />
    );
    if (result.error.code === 'throttled') {
      c.header('Retry-After', String(result.error.retryAfterSeconds));
      return c.html(page, 429);
    }
    return c.html(page, 401);
  }
  const session = await c.var.accounts.createSession(result.value.id);
  const maxAge = Math.max(0, Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000));
  writeCookie(c, sessionCookieName, session.token, c.var.trustProxy, maxAge);
  clearCookie(c, loginCookieName, c.var.trustProxy);
  return c.redirect(next, 303);
});

login.post('/logout', async (c) => {
  const token = readCookie(c, sessionCookieName);
  if (token !== undefined) await c.var.accounts.deleteSession(token);
  clearCookie(c, sessionCookieName, c.var.trustProxy);
  return c.redirect('/', 303);
});

export default login;
