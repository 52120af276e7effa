/** The body of `GET /api/v1/search`: each hit with the page that shows it and its snippet as fragments. */
import { z } from 'zod';
import type { SearchHit, SearchResult } from '../../store/search/index.ts';
import { searchHitSchema } from '../../store/search/search-result.ts';

export const searchResultViewSchema = searchHitSchema.omit({ nodeId: true }).extend({ url: z.string() });
export type SearchResultView = z.infer<typeof searchResultViewSchema>;

export const searchResponseSchema = z.object({
  query: z.string(),
  results: z.array(searchResultViewSchema),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

const enc = encodeURIComponent;

/**
 * The site path showing a hit: a plan's page, a node's page, or the row on its node's page.
 *
 * @example searchHitHref({ type: 'indicator', id: 'i1', nodeId: 'n1', … }) // "/nodes/n1#indicator-i1"
 */
export function searchHitHref(hit: Pick<SearchHit, 'type' | 'id' | 'planId' | 'nodeId'>): string {
  const nodePage = `/nodes/${enc(hit.nodeId ?? '')}`;
  switch (hit.type) {
    case 'plan':
      return `/plans/${enc(hit.id)}`;
    case 'node':
      return `/nodes/${enc(hit.id)}`;
    case 'achievement':
      return `${nodePage}#achievement-${enc(hit.id)}`;
    case 'indicator':
      return `${nodePage}#indicator-${enc(hit.id)}`;
    case 'evaluation':
      return hit.nodeId === null
        ? `/plans/${enc(hit.planId)}#evaluation-${enc(hit.id)}`
        : `${nodePage}#evaluation-${enc(hit.id)}`;
  }
}

/** The API body for a store result. */
export function searchResponse(result: SearchResult): SearchResponse {
  return {
    query: result.query,
    results: result.hits.map(({ nodeId, ...hit }) => ({ ...hit, url: searchHitHref({ ...hit, nodeId }) })),
  };
}
