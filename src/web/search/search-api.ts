/** `GET /api/v1/search?q=`: published plans, nodes, achievements and indicators containing every word of q. */
import { Hono } from 'hono';
import type { SearchStore } from '../../store/search/index.ts';
import { onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { requireSearchParam, searchUnavailable } from './search-param.ts';
import { searchResponse } from './search-view.ts';

/** The API route over `search`; answers 503 when the app has none. */
export function searchApi(search: SearchStore | undefined): Hono<WebEnv> {
  const api = new Hono<WebEnv>();
  api.get('/', async (c) => {
    onlyQueries(c, ['q']);
    const { query, terms } = requireSearchParam(c);
    if (!search) throw searchUnavailable();
    return c.json(searchResponse(await search.search(terms, query)));
  });
  return api;
}
