/**
 * The site on node:http, as `mieruka serve` runs it: @hono/node-server's `serve()`, except that cache hits are
 * written before Hono sees the request (cache/hit-first.ts's requestListenerFor).
 *
 * @example const server = serveApp(app, { hostname: '127.0.0.1', port: 0 }, (address) => log(address.port))
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { requestListenerFor } from './cache/index.ts';

export function serveApp(
  app: Hono,
  { hostname, port }: { hostname: string; port: number },
  onListening?: (address: AddressInfo) => void,
): Server {
  const server = createServer(requestListenerFor(app));
  server.listen(port, hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}
