/**
 * The page cache: public GET pages and API answers, with strong ETags, 304s and br/gzip compressed once. A write
 * bumps the data generation; the cache then drops the pages of the organization written (those whose handler set
 * `cacheScope`) and every page not scoped to one (home, lists, search), and keeps other organizations' pages.
 * Its middleware renders and stores; `hit` answers a stored page before any middleware runs (hit-first.ts).
 *
 * @example const cache = createPageCache({ generation: watchDataGeneration(db) }); app.use(cache.middleware)
 */
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import type { DataGeneration } from '../../store/search/data-generation.ts';
import type { WebEnv } from '../web-env.ts';
import {
  cacheKey,
  isCacheable,
  isCacheableRequest,
  isCacheableResponse,
  type RequestFacts,
  searchOf,
} from './cacheable.ts';
import { answer, type CachedAnswer, type CachedPage, cachePage, chooseAnswer } from './cached-page.ts';
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

/** A request as the early hit path sees it: `url` is the request target, path and query (`/plans/x?lang=en`). */
export interface HitRequest extends Omit<RequestFacts, 'path'> {
  url: string;
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
}

export interface PageCache {
  /** Answers hits, renders and stores misses, and compresses what it does not keep. */
  middleware: MiddlewareHandler<WebEnv>;
  /**
   * The stored answer to a GET, when one can be given right away: a page kept at the generation already known to be
   * current, with no write being caught up with. Undefined sends the request through the app (and the middleware).
   */
  hit(request: HitRequest): CachedAnswer | undefined;
}

export function createPageCache({
  generation,
  maxEntries = 1000,
  maxBytes = 64 * 1024 * 1024,
}: PageCacheOptions): PageCache {
  const pages = new Lru<ScopedPage>({ maxEntries, maxBytes });
  // What is not cached is still compressed, on the fly (gzip only).
  const compressUncached = compress();
  const rendering = new Map<string, Promise<CachedPage | undefined>>();
  let seenGeneration: number | undefined;
  let catchingUp: Promise<void> | undefined;
  let caughtUp = false;

  const forgetChanged = async (since: number | undefined, until: number) => {
    const changes =
      since === undefined || !generation.changes ? 'all' : await generation.changes(since, until);
    if (changes === 'all') pages.clear();
    else pages.deleteWhere(({ scope }) => scope === undefined || changes.organizations.has(scope));
  };

  const catchUp = (current: number) => {
    caughtUp = false;
    const forgetting = forgetChanged(seenGeneration, current);
    seenGeneration = current;
    catchingUp = forgetting;
    // Only the latest catch-up may say the pages are current again.
    // A failed catch-up fails the requests awaiting it; hits keep going through them until the next write.
    forgetting.then(
      () => {
        if (catchingUp === forgetting) caughtUp = true;
      },
      () => {},
    );
  };

  const middleware: MiddlewareHandler<WebEnv> = async function cachePages(c, next) {
    if (!isCacheableRequest(c)) return compressUncached(c, next);
    const current = await generation.current();
    if (current !== seenGeneration) catchUp(current);
    // Every request waits until the pages a write replaced are gone, not only the one that noticed the write.
    await catchingUp;
    const key = cacheKey(c.req.path, searchOf(c.req.url));
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

  function hit(request: HitRequest): CachedAnswer | undefined {
    if (request.method !== 'GET' || !caughtUp || generation.peek?.() !== seenGeneration) return;
    const { url } = request;
    const search = searchOf(url);
    const path = search === '' ? url : url.slice(0, url.length - search.length);
    // Hono routes on the percent-decoded path: one with escapes goes through it to be keyed the same way.
    if (!path.startsWith('/') || path.includes('%')) return;
    if (!isCacheable({ ...request, path })) return;
    const page = pages.get(cacheKey(path, search))?.page;
    if (!page) return;
    return chooseAnswer(
      page,
      negotiateCoding(request.acceptEncoding),
      ifNoneMatchHits(request.ifNoneMatch, page.hash),
    );
  }

  return { middleware, hit };
}

/** The cache's middleware alone, for an app that answers every request through Hono. */
export const pageCache = (options: PageCacheOptions): MiddlewareHandler<WebEnv> =>
  createPageCache(options).middleware;
