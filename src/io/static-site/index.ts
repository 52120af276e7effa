/** The public site as static files: `buildStaticSite({ app, store, outDir })`. */
export { type BuildStaticSiteOptions, buildStaticSite, type StaticSiteResult } from './build-static-site.ts';
export type { CrawledEntry, CrawledPage, CrawlResult, MissingPage } from './crawl.ts';
export { type SearchEntryType, type StaticSearchEntry, staticSearchEntries } from './search-index.ts';
export { fileOfPage, relativeLink, type SitePage } from './site-paths.ts';
