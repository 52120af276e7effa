/**
 * Cache hits answered before Hono: a stored page goes out without routing, middleware, a Request's headers or a
 * copy of its body, which on a 30 KB page used to cost more than sending it. What the middleware would add is
 * stored with the page (security headers, CORS) or added here (the request id and the request's log line);
 * anything else (a miss, a HEAD, a signed-in request, a generation not known to be current) goes through the app.
 *
 * @example const app = answeringHitsFirst(createSite(), cache, logger)
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
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

function fromNode(incoming: IncomingMessage): HitFacts {
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
function fromRequest(request: Request): HitFacts {
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

type HitFacts = HitRequest & { requestId: string | undefined };

/** The hit's line in the request log, as the request-log middleware would have written it. */
function logHit(logger: RequestLogger, facts: HitFacts, requestId: string, status: number, started: number) {
  const url = facts.url;
  const query = url.indexOf('?');
  writeRequestLine(logger, {
    requestId,
    method: facts.method,
    path: query === -1 ? url : url.slice(0, query),
    status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  });
}

/** The stored answer for a request, with its request id among the headers; undefined on a miss. */
function answerFrom(cache: PageCache, facts: HitFacts) {
  const found = cache.hit(facts);
  if (!found) return undefined;
  const requestId = requestIdFor(facts.requestId);
  return { found, requestId, headers: { ...found.headers, [requestIdField]: requestId } };
}

// For requestListenerFor: an app's hit writer, and its fetch without the hit check (a miss was checked already).
interface NodeHits {
  answerHit: (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;
  throughApp: Hono['fetch'];
}
const nodeHits = new WeakMap<Hono, NodeHits>();

/** The app, with its fetch looking in the cache first. */
export function answeringHitsFirst(app: Hono, cache: PageCache, logger?: RequestLogger): Hono {
  const throughApp = app.fetch;
  app.fetch = (request, env, executionCtx) => {
    const started = performance.now();
    const incoming = incomingOf(env);
    const facts = incoming ? fromNode(incoming) : fromRequest(request);
    const hit = answerFrom(cache, facts);
    if (!hit) return throughApp(request, env, executionCtx);
    const response = new Response(hit.found.body, { status: hit.found.status, headers: hit.headers });
    if (logger) logHit(logger, facts, hit.requestId, hit.found.status, started);
    return response;
  };
  const answerHit = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const started = performance.now();
    const facts = fromNode(incoming);
    const hit = answerFrom(cache, facts);
    if (!hit) return false;
    outgoing.writeHead(hit.found.status, hit.headers);
    outgoing.end(hit.found.body ?? undefined);
    if (logger) logHit(logger, facts, hit.requestId, hit.found.status, started);
    return true;
  };
  nodeHits.set(app, { answerHit, throughApp });
  return app;
}

/**
 * The node:http request listener for an app. For one answering hits first, a hit is written straight to the
 * socket, before @hono/node-server builds a Request, runs an async handler and reads back a Response: per hit that
 * was as much work again as node:http's own; the rest goes through @hono/node-server as `serve()` would send it.
 *
 * @example createServer(requestListenerFor(app)).listen(8080)
 */
export function requestListenerFor(app: Hono): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  const hits = nodeHits.get(app);
  if (!hits) return getRequestListener(app.fetch);
  const { answerHit, throughApp } = hits;
  const throughHono = getRequestListener(throughApp);
  return (incoming, outgoing) => {
    if (!answerHit(incoming, outgoing)) void throughHono(incoming, outgoing);
  };
}
