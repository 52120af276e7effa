/**
 * A rendered response kept in memory: for each content coding, the body compressed once and the headers to
 * send, as plain objects so a hit builds nothing but the Response itself.
 */
import { type ContentCoding, compressionThreshold, encode } from './encoding.ts';
import { entityHash, etagFor } from './etag.ts';

type HeaderRecord = Record<string, string>;

interface Variant {
  body: Uint8Array;
  headers: HeaderRecord;
  notModified: HeaderRecord;
}

/** What to send for one request, ready for a Response or for node:http's writeHead. */
export interface CachedAnswer {
  status: 200 | 304;
  body: Uint8Array | null;
  headers: Readonly<HeaderRecord>;
}

export interface CachedPage {
  hash: string;
  variants: Partial<Record<ContentCoding, Variant>> & { identity: Variant };
  bytes: number;
}

// Set again for each variant, or meaningless once the body is compressed.
const perVariant = new Set(['content-length', 'content-encoding', 'etag', 'vary', 'transfer-encoding']);
// A 304 carries what a cache needs to update its stored copy, not what describes the body (RFC 9110 §15.4.5).
const notModifiedDrops = new Set(['content-type', 'content-language', 'content-disposition']);

function variant(stored: HeaderRecord, hash: string, coding: ContentCoding, body: Uint8Array): Variant {
  const headers: HeaderRecord = {
    ...stored,
    etag: etagFor(hash, coding),
    // Known once, so neither Hono nor node:http works it out on every hit.
    'content-length': String(body.length),
    vary: 'Accept-Encoding',
    // Browsers may keep the page but must ask first; the ETag makes asking cheap.
    'cache-control': stored['cache-control'] ?? 'no-cache',
  };
  if (coding !== 'identity') headers['content-encoding'] = coding;
  const notModified = Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => !notModifiedDrops.has(name) && name !== 'content-encoding' && name !== 'content-length',
    ),
  );
  return { body, headers, notModified };
}

/** Reads the response once and prepares every coding worth sending. */
export async function cachePage(res: Response): Promise<CachedPage> {
  const identity = new Uint8Array(await res.arrayBuffer());
  const stored = Object.fromEntries([...res.headers].filter(([name]) => !perVariant.has(name)));
  const hash = entityHash(identity);
  const variants: CachedPage['variants'] = { identity: variant(stored, hash, 'identity', identity) };
  if (identity.length >= compressionThreshold) {
    const [br, gzip] = await Promise.all([encode(identity, 'br'), encode(identity, 'gzip')]);
    variants.br = variant(stored, hash, 'br', br);
    variants.gzip = variant(stored, hash, 'gzip', gzip);
  }
  const bytes = Object.values(variants).reduce((sum, v) => sum + v.body.length, 0);
  return { hash, variants, bytes };
}

/** The answer for one request: the body in the chosen coding, or 304 when the client has it already. */
export function chooseAnswer(page: CachedPage, wanted: ContentCoding, notModified: boolean): CachedAnswer {
  const chosen = page.variants[wanted] ?? page.variants.identity;
  return notModified
    ? { status: 304, body: null, headers: chosen.notModified }
    : { status: 200, body: chosen.body, headers: chosen.headers };
}

export function answer(page: CachedPage, wanted: ContentCoding, notModified: boolean): Response {
  const { status, body, headers } = chooseAnswer(page, wanted, notModified);
  // Response copies the record into its own Headers, so the stored one stays as it is.
  return new Response(body, { status, headers });
}
