/** Strong entity tags from a body's hash, one per content coding, and If-None-Match matching. */
import { createHash } from 'node:crypto';
import type { ContentCoding } from './encoding.ts';

/** The hash part of the tags, e.g. `entityHash(bytes) // "Xq3…"` (22 base64url characters). */
export function entityHash(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 22);
}

/** Compressed bytes differ from the plain ones, so a strong tag must differ too (RFC 9110 §8.8.3). */
export function etagFor(hash: string, coding: ContentCoding): string {
  return coding === 'identity' ? `"${hash}"` : `"${hash}-${coding}"`;
}

/**
 * True when If-None-Match names this content in any coding, or is `*`: the client already holds it.
 *
 * @example ifNoneMatchHits('W/"abc-gzip", "x"', 'abc') // true
 */
export function ifNoneMatchHits(header: string | undefined, hash: string): boolean {
  if (!header) return false;
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    return tag === '*' || tag === `"${hash}"` || tag === `"${hash}-br"` || tag === `"${hash}-gzip"`;
  });
}
