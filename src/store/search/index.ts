/** Search and the data generation: what write paths call after saving, and what the web layer reads. */
export {
  bumpDataGeneration,
  type DataChanges,
  type DataGeneration,
  type DataGenerationOptions,
  readDataChanges,
  readDataGeneration,
  watchDataGeneration,
} from './data-generation.ts';
export { highlight, type SnippetFragment, snippet } from './highlight.ts';
export { rebuildSearchIndex, reindexPlan } from './reindex.ts';
export { maxQueryLength, parseSearchQuery, type SearchQueryResult } from './search-query.ts';
export type { SearchHit, SearchResult } from './search-result.ts';
export { createSearchStore, type SearchOptions, type SearchStore } from './search-store.ts';
