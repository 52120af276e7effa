/**
 * Public pages are rendered the same for everyone (and cached so), so their header says 「職員ログイン」. For someone
 * signed in, whose answers are never cached, this swaps that one header entry for their login and a log-out button,
 * both rendered by the same component the layout uses.
 */
import type { MiddlewareHandler } from 'hono';
import { StaffEntry } from '../components/StaffEntry.tsx';
import type { Lang } from '../i18n/index.ts';
import { csrfFieldName, csrfTokenFor } from './csrf.ts';
import type { StaffEnv } from './staff-env.ts';

const langs: readonly Lang[] = ['ja', 'en'];
const visitorEntry = new Map(langs.map((lang) => [lang, String(<StaffEntry lang={lang} />)]));

/**
 * The page with its header naming the signed-in login.
 * @example withSignedInHeader(html, 'admin', token) // '…<li class="staff-entry"><a href="/admin">admin でログイン中</a>…'
 */
export function withSignedInHeader(html: string, login: string, csrfToken: string): string {
  for (const lang of langs) {
    const visitor = visitorEntry.get(lang) ?? '';
    if (!html.includes(visitor)) continue;
    const staff = { login, csrf: { name: csrfFieldName, value: csrfToken } };
    return html.replace(visitor, String(<StaffEntry lang={lang} staff={staff} />));
  }
  return html;
}

export function signedInHeader(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    await next();
    const user = c.var.user;
    const session = c.var.sessionToken;
    if (user === undefined || session === undefined || c.req.method !== 'GET') return;
    // Staff pages render the signed-in header themselves.
    if (c.req.path.startsWith('/admin') || c.req.path.startsWith('/api/')) return;
    const type = c.res.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html') || c.res.headers.has('content-encoding')) return;
    const html = await c.res.text();
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(withSignedInHeader(html, user.login, csrfTokenFor(session)), {
      status: c.res.status,
      headers,
    });
  };
}
