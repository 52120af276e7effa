/**
 * Search over the published plans, nodes, achievements and indicators.
 *
 * @example const { hits } = await createSearchStore(db).search(['女性'], '女性')
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { findEntries } from './find-entries.ts';
import { matchRanges, snippet } from './highlight.ts';
import { rankEntries } from './rank.ts';
import type { SearchHit, SearchResult } from './search-result.ts';

// Enough candidates that ranking in code sees every title match of a common word before cutting.
const candidateLimit = 1000;

export interface SearchOptions {
  /** Most hits returned; 50 by default. */
  limit?: number;
}

export interface SearchStore {
  /** Records containing every term, best first; `query` is echoed back as typed. */
  search(terms: readonly string[], query: string, options?: SearchOptions): Promise<SearchResult>;
}

export function createSearchStore(db: Kysely<Database>): SearchStore {
  return {
    async search(terms, query, { limit = 50 } = {}) {
      const found = terms.length === 0 ? [] : await findEntries(db, terms, candidateLimit);
      const hits = rankEntries(found, terms)
        .slice(0, limit)
        .map(
          (entry): SearchHit => ({
            type: entry.type,
            id: entry.record_id,
            title: entry.title,
            planId: entry.plan_id,
            planTitle: entry.plan_title,
            nodeId: entry.node_id,
            // The body shows more context; a title-only match shows the title itself.
            snippet: snippet(matchRanges(entry.body, terms).length > 0 ? entry.body : entry.title, terms),
          }),
        );
      return { query, terms: [...terms], hits };
    },
  };
}
