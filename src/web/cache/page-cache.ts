/**
 * The page cache: public GET pages and API answers kept per data generation, with strong ETags, 304s and
 * br/gzip compressed once. Any write bumps the generation, which empties the cache.
 *
 * @example app.use(pageCache({ generation: watchDataGeneration(db) }))
 */
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import type { DataGeneration } from '../../store/search/data-generation.ts';
import { cacheKey, isCacheableRequest, isCacheableResponse } from './cacheable.ts';
import { answer, type CachedPage, cachePage } from './cached-page.ts';
import { negotiateCoding } from './encoding.ts';
import { ifNoneMatchHits } from './etag.ts';
import { Lru } from './lru.ts';

export interface PageCacheOptions {
  generation: DataGeneration;
  /** 1000 pages and 64 MiB (all codings counted) by default. */
  maxEntries?: number;
  maxBytes?: number;
}

export function pageCache({
  generation,
  maxEntries = 1000,
  maxBytes = 64 * 1024 * 1024,
}: PageCacheOptions): MiddlewareHandler {
  const pages = new Lru<CachedPage>({ maxEntries, maxBytes });
  // What is not cached is still compressed, on the fly (gzip only).
  const compressUncached = compress();
  const rendering = new Map<string, Promise<CachedPage | undefined>>();
  let seenGeneration: number | undefined;

  return async function cachePages(c, next) {
    if (!isCacheableRequest(c)) return compressUncached(c, next);
    const current = await generation.current();
    if (current !== seenGeneration) {
      pages.clear();
      seenGeneration = current;
    }
    const key = cacheKey(c, current);
    const respond = (page: CachedPage) =>
      answer(
        page,
        negotiateCoding(c.req.header('accept-encoding')),
        ifNoneMatchHits(c.req.header('if-none-match'), page.hash),
      );
    const hit = pages.get(key);
    if (hit) return respond(hit);
    // Checked before any await, or every request of a burst would find nobody rendering yet.
    const pending = rendering.get(key);
    const awaited = pending && (await pending);
    if (awaited) return respond(awaited);
    // Requests arriving while this one renders wait for it instead of rendering the same page again.
    let resolve: (page: CachedPage | undefined) => void = () => {};
    rendering.set(key, new Promise((done) => (resolve = done)));
    try {
      await next();
      if (!isCacheableResponse(c.res)) return;
      const page = await cachePage(c.res);
      pages.set(key, page, page.bytes);
      resolve(page);
      // Unset first, or Hono would copy the rendered response's headers (content-length among them) over ours.
      c.res = undefined;
      c.res = respond(page);
    } finally {
      resolve(undefined);
      rendering.delete(key);
    }
  };
}
