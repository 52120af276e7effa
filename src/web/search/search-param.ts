/** The `q` parameter, checked the same way for the page and the API. */
import type { Context } from 'hono';
import { parseSearchQuery } from '../../store/search/index.ts';
import { badRequest, HttpError } from '../http-error.ts';

export type SearchParam = { ok: true; query: string; terms: string[] } | { ok: false; error: string };

/** `q` parsed into terms, or the Japanese and English message of why it cannot be searched. */
export function searchParam(c: Context): SearchParam {
  return parseSearchQuery(c.req.query('q'));
}

/** `q` parsed, or a 400 naming it. */
export function requireSearchParam(c: Context): { query: string; terms: string[] } {
  const param = searchParam(c);
  if (!param.ok) throw badRequest('q', param.error);
  return param;
}

/** For an app built without a search store: say so rather than pretend nothing matched. */
export const searchUnavailable = () =>
  new HttpError(503, 'internal_error', '検索は現在利用できません (search is not available)');
