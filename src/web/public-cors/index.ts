/**
 * CORS for the public reads (the JSON API and the downloads), so that a notebook or another city's dashboard can
 * fetch the data from its own origin. Reads only: a write method, and a preflight asking for one, get no CORS
 * header at all, and the origin is `*`, with which browsers never send credentials.
 *
 * @example app.use('/api/v1/*', publicCors())
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const readMethods = new Set(['GET', 'HEAD']);

const allowReads = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD'],
  // A fixed list, so a preflight asking for Authorization (a staff token) is not echoed back as allowed.
  allowHeaders: ['Accept', 'Accept-Language', 'If-None-Match'],
  exposeHeaders: ['Content-Disposition', 'ETag', 'X-Request-Id'],
  maxAge: 86_400,
});

function isPublicRead(method: string, preflightMethod: string | undefined): boolean {
  if (readMethods.has(method)) return true;
  return (
    method === 'OPTIONS' && preflightMethod !== undefined && readMethods.has(preflightMethod.toUpperCase())
  );
}

/** Must run outside the security headers, whose `Cross-Origin-Resource-Policy: same-origin` it replaces. */
export function publicCors(): MiddlewareHandler {
  return async (c, next) => {
    if (!isPublicRead(c.req.method, c.req.header('access-control-request-method'))) return next();
    // A preflight is answered here (204) and goes no further.
    const preflight = await allowReads(c, next);
    if (preflight) return preflight;
    // Without it, a browser would block the response from another site's page even with CORS allowed.
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  };
}
