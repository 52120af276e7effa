import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encode, negotiateCoding } from './encoding.ts';
import { etagFor, ifNoneMatchHits } from './etag.ts';
import { Lru } from './lru.ts';

describe('negotiateCoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['deflate', 'identity'],
  ] as const)('%s → %s', (header, coding) => {
    expect(negotiateCoding(header)).toBe(coding);
  });
});

describe('encode', () => {
  const body = new TextEncoder().encode('小諸市の約束と実績'.repeat(200));

  it('round-trips br and gzip', async () => {
    expect(new Uint8Array(brotliDecompressSync(await encode(body, 'br')))).toEqual(body);
    expect(new Uint8Array(gunzipSync(await encode(body, 'gzip')))).toEqual(body);
    expect(await encode(body, 'identity')).toBe(body);
  });
});

describe('etags', () => {
  it('differ per coding and all match If-None-Match', () => {
    const tags = (['identity', 'gzip', 'br'] as const).map((c) => etagFor('abc', c));
    expect(new Set(tags).size).toBe(3);
    for (const tag of tags) expect(ifNoneMatchHits(`"zzz", W/${tag}`, 'abc')).toBe(true);
    expect(ifNoneMatchHits('*', 'abc')).toBe(true);
    expect(ifNoneMatchHits('"abcd"', 'abc')).toBe(false);
    expect(ifNoneMatchHits(undefined, 'abc')).toBe(false);
  });
});

describe('Lru', () => {
  it('drops the least recently used entry beyond its byte budget', () => {
    const lru = new Lru<string>({ maxEntries: 10, maxBytes: 10 });
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    lru.get('a');
    lru.set('c', 'C', 4);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['A', undefined, 'C']);
    expect(lru.bytes).toBe(8);
  });

  it('keeps nothing larger than the whole budget', () => {
    const lru = new Lru<string>({ maxEntries: 10, maxBytes: 10 });
    lru.set('big', 'X', 11);
    expect(lru.size).toBe(0);
  });
});
