/** Orders found records: title matches first, then by kind, by how early the match is, then stably. */

import { containsAll, matchRanges } from './highlight.ts';
import type { SearchEntryType } from './search-tables.ts';

export interface Rankable {
  type: SearchEntryType;
  record_id: string;
  plan_id: string;
  position: number;
  title: string;
  body: string;
}

// Policies and indicators are what a citizen looks for; plans match broad words and would crowd them out.
const typeOrder: Record<SearchEntryType, number> = {
  node: 0,
  indicator: 1,
  achievement: 2,
  evaluation: 3,
  plan: 4,
};

function rankKey(entry: Rankable, terms: readonly string[]) {
  const inTitle = containsAll(entry.title, terms);
  const first = matchRanges(inTitle ? entry.title : entry.body, terms)[0]?.[0] ?? Number.MAX_SAFE_INTEGER;
  return [inTitle ? 0 : 1, typeOrder[entry.type], first] as const;
}

/**
 * The entries best first.
 *
 * @example rankEntries(entries, ['女性'])[0].title // a title containing 女性, if any entry has one
 */
export function rankEntries<T extends Rankable>(entries: readonly T[], terms: readonly string[]): T[] {
  const keyed = entries.map((entry) => ({ entry, key: rankKey(entry, terms) }));
  keyed.sort(
    (a, b) =>
      a.key[0] - b.key[0] ||
      a.key[1] - b.key[1] ||
      a.key[2] - b.key[2] ||
      a.entry.plan_id.localeCompare(b.entry.plan_id) ||
      a.entry.position - b.entry.position ||
      a.entry.record_id.localeCompare(b.entry.record_id),
  );
  return keyed.map(({ entry }) => entry);
}
