/** What a search query means: its terms, every one of which a result must contain. */
import { z } from 'zod';

export const maxQueryLength = 100;

/** Terms a trigram index can look up; shorter ones need a scan. */
export const trigramLength = 3;

// NUL and other control characters cannot be stored or searched (PostgreSQL refuses NUL in text), nor can a
// half of a surrogate pair: such a query is a mistake or a probe, answered 400 rather than passed to the database.
const searchable = (text: string): boolean =>
  !/\p{Surrogate}/u.test(text) && !/\p{Cc}/u.test(text.replace(/[\t\n\r]/g, ' '));

export const searchQuerySchema = z
  .string()
  .refine(searchable, '「q」に制御文字 (NUL など) は使えません (q contains a control character such as NUL)')
  .trim()
  .min(1, '「q」に検索する言葉を入れてください (q is empty)')
  .max(
    maxQueryLength,
    `「q」は${maxQueryLength}文字以内にしてください (q is longer than ${maxQueryLength} characters)`,
  );

export type SearchQueryResult = { ok: true; query: string; terms: string[] } | { ok: false; error: string };

/**
 * Splits a query on spaces (ASCII or full-width) into distinct terms.
 *
 * @example parseSearchQuery('女性　比率') // { ok: true, query: '女性　比率', terms: ['女性', '比率'] }
 */
export function parseSearchQuery(input: string | undefined): SearchQueryResult {
  const parsed = searchQuerySchema.safeParse(input ?? '');
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid q' };
  const terms = [...new Set(parsed.data.split(/\s+/u).filter((t) => t !== ''))];
  return { ok: true, query: parsed.data, terms };
}
