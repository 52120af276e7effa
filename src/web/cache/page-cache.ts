/**
 * The page cache: public GET pages and API answers, with strong ETags, 304s and br/gzip compressed once. A write
 * bumps the data generation; the cache then drops the pages of the organization written (those whose handler set
 * `cacheScope`) and every page not scoped to one (home, lists, search), and keeps other organizations' pages.
 *
 * @example app.use(pageCache({ generation: watchDataGeneration(db) }))
 */
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import type { DataGeneration } from '../../store/search/data-generation.ts';
import type { WebEnv } from '../web-env.ts';
import { cacheKey, isCacheableRequest, isCacheableResponse } from './cacheable.ts';
import { answer, type CachedPage, cachePage } from './cached-page.ts';
import { negotiateCoding } from './encoding.ts';
import { ifNoneMatchHits } from './etag.ts';
import { Lru } from './lru.ts';

interface ScopedPage {
  page: CachedPage;
  /** The organization the page shows alone (WebVariables.cacheScope). */
  scope: string | undefined;
}

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
}: PageCacheOptions): MiddlewareHandler<WebEnv> {
  const pages = new Lru<ScopedPage>({ maxEntries, maxBytes });
  // What is not cached is still compressed, on the fly (gzip only).
  const compressUncached = compress();
  const rendering = new Map<string, Promise<CachedPage | undefined>>();
  let seenGeneration: number | undefined;
  let catchingUp: Promise<void> | undefined;

  const forgetChanged = async (since: number | undefined, until: number) => {
    const changes =
      since === undefined || !generation.changes ? 'all' : await generation.changes(since, until);
    if (changes === 'all') pages.clear();
    else pages.deleteWhere(({ scope }) => scope === undefined || changes.organizations.has(scope));
  };

  return async function cachePages(c, next) {
    if (!isCacheableRequest(c)) return compressUncached(c, next);
    const current = await generation.current();
    if (current !== seenGeneration) {
      catchingUp = forgetChanged(seenGeneration, current);
      seenGeneration = current;
    }
    // Every request waits until the pages a write replaced are gone, not only the one that noticed the write.
    await catchingUp;
    const key = cacheKey(c);
    const respond = (page: CachedPage) =>
      answer(
        page,
        negotiateCoding(c.req.header('accept-encoding')),
        ifNoneMatchHits(c.req.header('if-none-match'), page.hash),
      );
    const hit = pages.get(key)?.page;
    if (hit) return respond(hit);
    // Checked before any await, or every request of a burst would find nobody rendering yet.
    // The generation in the key, so a request after a write never waits for a render from before it.
    const renderKey = `${key} #${current}`;
    const pending = rendering.get(renderKey);
    const awaited = pending && (await pending);
    if (awaited) return respond(awaited);
    // Requests arriving while this one renders wait for it instead of rendering the same page again.
    let resolve: (page: CachedPage | undefined) => void = () => {};
    rendering.set(renderKey, new Promise((done) => (resolve = done)));
    try {
      await next();
      if (!isCacheableResponse(c.res)) return;
      const page = await cachePage(c.res);
      // Rendered from data a write has since replaced: answer it, keep it not.
      if (seenGeneration === current) pages.set(key, { page, scope: c.get('cacheScope') }, page.bytes);
      resolve(page);
      // Unset first, or Hono would copy the rendered response's headers (content-length among them) over ours.
      c.res = undefined;
      c.res = respond(page);
    } finally {
      resolve(undefined);
      rendering.delete(renderKey);
    }
  };
}
