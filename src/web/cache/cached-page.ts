/** A rendered response kept in memory: its headers and its body in every coding, compressed once. */
import { type ContentCoding, compressionThreshold, encode } from './encoding.ts';
import { entityHash, etagFor } from './etag.ts';

export interface CachedPage {
  hash: string;
  headers: [string, string][];
  bodies: Partial<Record<ContentCoding, Uint8Array>> & { identity: Uint8Array };
  bytes: number;
}

// Set again for each answer, or meaningless once the body is compressed.
const perAnswer = new Set(['content-length', 'content-encoding', 'etag', 'vary', 'transfer-encoding']);

/** Reads the response once and prepares every coding worth sending. */
export async function cachePage(res: Response): Promise<CachedPage> {
  const identity = new Uint8Array(await res.arrayBuffer());
  const headers = [...res.headers].filter(([name]) => !perAnswer.has(name));
  const compressed: Partial<Record<ContentCoding, Uint8Array>> = {};
  if (identity.length >= compressionThreshold) {
    [compressed.br, compressed.gzip] = await Promise.all([encode(identity, 'br'), encode(identity, 'gzip')]);
  }
  const bodies = { ...compressed, identity };
  const bytes = Object.values(bodies).reduce((sum, body) => sum + body.length, 0);
  return { hash: entityHash(identity), headers, bodies, bytes };
}

/** The answer for one request: the body in the chosen coding, or 304 when the client has it already. */
export function answer(page: CachedPage, wanted: ContentCoding, notModified: boolean): Response {
  const coding = page.bodies[wanted] ? wanted : 'identity';
  const headers = new Headers(page.headers);
  headers.set('etag', etagFor(page.hash, coding));
  headers.set('vary', 'Accept-Encoding');
  // Browsers may keep the page but must ask first; the ETag makes asking cheap.
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-cache');
  if (notModified) {
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  if (coding !== 'identity') headers.set('content-encoding', coding);
  return new Response(page.bodies[coding], { status: 200, headers });
}
