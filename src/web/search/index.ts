/** Search for citizens: the page at /search and the JSON route at /api/v1/search. */
export { searchApi } from './search-api.ts';
export { searchPage } from './search-page.tsx';
export { type SearchResponse, type SearchResultView, searchHitHref, searchResponse } from './search-view.ts';
