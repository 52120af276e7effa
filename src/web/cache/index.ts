/** Rendered pages cached per data generation, with ETags and compression. */
export { negotiateCoding } from './encoding.ts';
export { answeringHitsFirst, requestListenerFor } from './hit-first.ts';
export { createPageCache, type PageCache, type PageCacheOptions, pageCache } from './page-cache.ts';
