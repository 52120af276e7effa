/** `GET /api/v1/compare/{key}`: one indicator definition across organizations, ranked, each value with its source. */
import { Hono } from 'hono';
import { notFound } from '../http-error.ts';
import { onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { checkPage, comparisonOptionsOf, keyParam } from './compare-params.ts';
import { compareResponse } from './compare-view.ts';

/** Organizations a page of the API holds. */
export const apiPerPage = 100;

const compareApi = new Hono<WebEnv>();

compareApi.get('/:key', async (c) => {
  onlyQueries(c, ['codes', 'prefecture', 'page']);
  const key = keyParam(c);
  const options = comparisonOptionsOf(c, apiPerPage);
  const comparison = await c.var.store.compareIndicator(key, options);
  if (!comparison) throw notFound('比較できる指標', 'comparable indicator', key);
  checkPage(options.page, comparison.pageCount);
  return c.json(compareResponse(comparison, options));
});

export default compareApi;
