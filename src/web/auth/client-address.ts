/** The address a login attempt came from, for the per-account-and-address throttle. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client among `X-Forwarded-For` hops and the socket's peer, when `trustedProxies` proxies stand in front of
 * us: each proxy appends the address it was reached from, so counting `trustedProxies` hops from the right (the
 * peer being the nearest proxy) lands on the first address no trusted proxy wrote. Entries to its left are
 * whatever the client sent and are never used. With fewer hops than proxies, the farthest hop is the best known.
 * @example clientAddressFrom('6.6.6.6, 203.0.113.9', '10.0.0.2', 1) // "203.0.113.9"
 */
export function clientAddressFrom(
  forwardedFor: string | undefined,
  peer: string,
  trustedProxies: number,
): string {
  if (trustedProxies <= 0 || forwardedFor === undefined) return peer;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  const chain = [...hops, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer;
}

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/**
 * The client's address: the socket's peer, or with `trustedProxies` > 0 the first untrusted `X-Forwarded-For`
 * hop from the right.
 * @example clientAddress(c, 0) // "127.0.0.1"
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  return clientAddressFrom(c.req.header('x-forwarded-for'), peerAddress(c), trustedProxies);
}
