/**
 * One JSON line per request: time, request id, method, path, status, duration and the signed-in user's id. Only
 * what is listed here is written: no query string (a search term or a token may be in it), no header, no cookie,
 * no body. Health probes are logged at debug level, so that a load balancer's polling does not fill the log.
 *
 * @example app.use(requestLog(pino({ level: 'info' })))
 */
import type { MiddlewareHandler } from 'hono';
import type { BaseLogger } from 'pino';
import { requestIdFor, requestIdHeader } from './request-id.ts';

/** The part of a pino logger the request log writes through. */
export type RequestLogger = Pick<BaseLogger, 'debug' | 'info' | 'error'>;

export interface RequestLogLine {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  userId?: string;
}

const probePaths = new Set(['/healthz', '/readyz']);
// Paths are short; a client sending a huge one should not get to write that much into the log.
const maxPathLength = 512;

const loggedPath = (path: string) =>
  path.length > maxPathLength ? `${path.slice(0, maxPathLength)}…` : path;

/** The user the staff side found for this request (a session cookie or a bearer token), if any. */
function userIdOf(variables: object): string | undefined {
  const user = (variables as { user?: { id?: unknown } }).user;
  return typeof user?.id === 'string' ? user.id : undefined;
}

/** Writes one request's line; also used for cache hits answered before the middleware (cache/hit-first.ts). */
export function writeRequestLine(logger: RequestLogger, line: RequestLogLine) {
  const logged = line.path.length > maxPathLength ? { ...line, path: loggedPath(line.path) } : line;
  if (logged.status >= 500) logger.error(logged, 'request');
  else if (probePaths.has(logged.path)) logger.debug(logged, 'request');
  else logger.info(logged, 'request');
}

/** Gives every request its id (echoed in `X-Request-Id`) and, with a logger, writes its line once it is answered. */
export function requestLog(logger?: RequestLogger): MiddlewareHandler {
  return async (c, next) => {
    const requestId = requestIdFor(c.req.header(requestIdHeader));
    const started = performance.now();
    try {
      await next();
    } finally {
      c.header(requestIdHeader, requestId);
      if (logger) {
        const userId = userIdOf(c.var);
        writeRequestLine(logger, {
          requestId,
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          ...(userId !== undefined && { userId }),
        });
      }
    }
  };
}
