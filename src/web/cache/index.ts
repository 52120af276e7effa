/** Rendered pages cached per data generation, with ETags and compression. */
export { negotiateCoding } from './encoding.ts';
export { type PageCacheOptions, pageCache } from './page-cache.ts';
