/** What a search returns: the records found, best first, each with a highlighted snippet. */
import { z } from 'zod';
import { snippetFragmentSchema } from './highlight.ts';

export const searchHitSchema = z.object({
  type: z.enum(['plan', 'node', 'achievement', 'indicator', 'evaluation']),
  id: z.string(),
  title: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  /** The node whose page shows the record; null for a plan. */
  nodeId: z.string().nullable(),
  snippet: z.array(snippetFragmentSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  query: z.string(),
  terms: z.array(z.string()),
  hits: z.array(searchHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
