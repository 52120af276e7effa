/**
 * Cache hits answered before Hono: a stored page goes out without routing, middleware, a Request's headers or a
 * copy of its body, which on a 30 KB page used to cost more than sending it. What the middleware would add is
 * stored with the page (security headers, CORS) or added here (the request id and the request's log line);
 * anything else (a miss, a HEAD, a signed-in request, a generation not known to be current) goes through the app.
 *
 * @example const app = answeringHitsFirst(createSite(), cache, logger)
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Hono } from 'hono';
import { type RequestLogger, requestIdFor, requestIdHeader, writeRequestLine } from '../request-log/index.ts';
import type { HitRequest, PageCache } from './page-cache.ts';

const requestIdField = requestIdHeader.toLowerCase();

/** @hono/node-server passes the node request as fetch's second argument, `{ incoming, outgoing }`. */
function incomingOf(env: unknown): IncomingMessage | undefined {
  const incoming = (env as { incoming?: unknown } | undefined)?.incoming;
  return typeof incoming === 'object' && incoming !== null && 'headers' in incoming
    ? (incoming as IncomingMessage)
    : undefined;
}

// Node joins repeated headers with ', ' and cookies with '; '; only set-cookie is an array, and no request has one.
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

function fromNode(incoming: IncomingMessage): HitRequest & { requestId: string | undefined } {
  const headers: IncomingHttpHeaders = incoming.headers;
  return {
    method: incoming.method ?? 'GET',
    url: incoming.url ?? '',
    cookie: single(headers.cookie),
    authorization: single(headers.authorization),
    acceptEncoding: single(headers['accept-encoding']),
    ifNoneMatch: single(headers['if-none-match']),
    requestId: single(headers[requestIdField]),
  };
}

/** The same facts from a fetch Request, as `app.request()` in tests sends it. */
function fromRequest(request: Request): HitRequest & { requestId: string | undefined } {
  const url = new URL(request.url);
  const header = (name: string) => request.headers.get(name) ?? undefined;
  return {
    method: request.method,
    url: `${url.pathname}${url.search}`,
    cookie: header('cookie'),
    authorization: header('authorization'),
    acceptEncoding: header('accept-encoding'),
    ifNoneMatch: header('if-none-match'),
    requestId: header(requestIdField),
  };
}

/** The app, with its fetch looking in the cache first. */
export function answeringHitsFirst(app: Hono, cache: PageCache, logger?: RequestLogger): Hono {
  const throughApp = app.fetch;
  app.fetch = (request, env, executionCtx) => {
    const started = performance.now();
    const incoming = incomingOf(env);
    const facts = incoming ? fromNode(incoming) : fromRequest(request);
    const found = cache.hit(facts);
    if (!found) return throughApp(request, env, executionCtx);
    const requestId = requestIdFor(facts.requestId);
    const response = new Response(found.body, {
      status: found.status,
      headers: { ...found.headers, [requestIdField]: requestId },
    });
    if (logger) {
      const url = facts.url;
      const query = url.indexOf('?');
      writeRequestLine(logger, {
        requestId,
        method: facts.method,
        path: query === -1 ? url : url.slice(0, query),
        status: found.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    }
    return response;
  };
  return app;
}
