/** Content codings we send, chosen from Accept-Encoding, and the bytes for each. */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type ContentCoding = 'br' | 'gzip' | 'identity';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this, compressed bytes plus headers save nothing worth a CPU cycle. */
export const compressionThreshold = 1024;

/** Each coding's q-value; missing means not acceptable, except identity, which is acceptable unless refused. */
function qualities(header: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    if (name !== '') found.set(name, Number.isFinite(value) ? value : 0);
  }
  return found;
}

/**
 * The coding to send: br, then gzip, whichever the client weighs higher, else identity.
 *
 * @example negotiateCoding('gzip, deflate, br') // 'br'
 */
export function negotiateCoding(acceptEncoding: string | undefined): ContentCoding {
  if (!acceptEncoding) return 'identity';
  const q = qualities(acceptEncoding);
  const of = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  const [best] = (['br', 'gzip'] as const).filter((c) => of(c) > 0).sort((a, b) => of(b) - of(a));
  return best ?? 'identity';
}

/** The body in the given coding. */
export async function encode(body: Uint8Array, coding: ContentCoding): Promise<Uint8Array> {
  if (coding === 'br') {
    // Quality 6 compresses nearly as well as 11 at a fraction of the time; pages change with every edit.
    return brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
  }
  if (coding === 'gzip') return gzipAsync(body, { level: 6 });
  return body;
}
