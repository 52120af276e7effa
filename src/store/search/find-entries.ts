/**
 * The index rows containing every term. SQLite asks its FTS5 trigram table (MATCH when every term has at
 * least three characters, instr over the same table otherwise); PostgreSQL asks its GIN index of character
 * unigrams and bigrams (migration 2026-12-05-80) for the entries holding each term's bigrams, then ILIKE keeps
 * those that hold the term itself. Ranking happens afterwards in code, the same for both databases.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { capabilitiesOf } from '../db.ts';
import type { Database } from '../schema.ts';
import { trigramLength } from './search-query.ts';
import { type SearchEntryTable, searchTables } from './search-tables.ts';

export type FoundEntry = SearchEntryTable & { plan_title: string };

/** A term as an FTS5 string: a phrase, so operators and quotes in it mean nothing. */
const ftsPhrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function sqliteCondition(terms: readonly string[]): Expression<SqlBool> {
  if (terms.every((term) => [...term].length >= trigramLength)) {
    return sql<SqlBool>`search_fts match ${terms.map(ftsPhrase).join(' ')}`;
  }
  // lower() folds ASCII only, like the trigram tokenizer's default does for the longer terms.
  const each = terms.map(
    (term) =>
      sql<SqlBool>`(instr(lower(search_fts.title), lower(${term})) > 0
        or instr(lower(search_fts.body), lower(${term})) > 0)`,
  );
  return sql<SqlBool>`${sql.join(each, sql` and `)}`;
}

async function findInSqlite(db: Kysely<Database>, terms: readonly string[], limit: number) {
  const result = await sql<FoundEntry>`
    select search_entry.*, plan.title as plan_title
    from search_fts
    join search_entry on search_entry.id = search_fts.entry_id
    join plan on plan.id = search_entry.plan_id
    where ${sqliteCondition(terms)}
    limit ${limit}`.execute(db);
  return result.rows;
}

/** PostgreSQL's query, apart so a test can EXPLAIN it. */
export function postgresQuery(db: Kysely<Database>, terms: readonly string[], limit: number) {
  const text = sql`(search_entry.title || ' ' || search_entry.body)`;
  // The same expression as the GIN index, or PostgreSQL will not use it.
  const grams = sql`search_text_grams(search_entry.title || ' ' || search_entry.body)`;
  const each = terms.map(
    (term) => sql<SqlBool>`${grams} @> search_term_grams(${term}) and ${text} ilike ${likePattern(term)}`,
  );
  return searchTables(db)
    .selectFrom('search_entry')
    .innerJoin('plan', 'plan.id', 'search_entry.plan_id')
    .selectAll('search_entry')
    .select('plan.title as plan_title')
    .where(sql<SqlBool>`${sql.join(each, sql` and `)}`)
    .limit(limit);
}

/** At most `limit` index rows whose title or body contains every term, in no particular order. */
export function findEntries(
  db: Kysely<Database>,
  terms: readonly string[],
  limit: number,
): Promise<FoundEntry[]> {
  return capabilitiesOf(db).textSearch === 'fts5_trigram'
    ? findInSqlite(db, terms, limit)
    : (postgresQuery(db, terms, limit).execute() as Promise<FoundEntry[]>);
}
