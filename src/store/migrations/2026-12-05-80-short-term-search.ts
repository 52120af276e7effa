/**
 * PostgreSQL searches by character unigrams and bigrams instead of pg_trgm trigrams (issue 16). A term shorter
 * than three characters has no trigram, so ILIKE '%札幌%' read the whole `search_entry`; two-kanji words are the
 * most common queries. One GIN index over every entry's lower-cased unigrams and bigrams answers a term of any
 * length as "contains all the term's bigrams" (its one character when it has one), and ILIKE stays as the
 * recheck, so results are exactly what ILIKE finds. It replaces the trigram index: the import keeps one GIN index.
 * The table gets no parallel workers: a search reads at most 1,000 candidates, and starting workers cost more
 * than that (観光 71 ms with them, 5 ms without, load 7).
 * Measured on the national set's 616,314 entries, 2 shared cores: build 14.8 s, 26 MB (trigram 2.8 s, 18 MB);
 * COPY of all entries 11.3 s backend CPU (trigram 4.0 s); `bench/national-import.ts 50 50` 0.093 s PostgreSQL CPU
 * an organization (trigram 0.086 s, load 1.5–1.9). LIMIT 1000, load 1.4, best of three: 札幌 0.5 ms, 鶴 0.3 ms,
 * 観光 (29,597 rows) 4.7 ms, 市 (65,433) 5.9 ms, の (342,985) 19 ms, 子育て 2.9 ms, 待機児童 2.4 ms, リサイクル率
 * 3.0 ms, 市 策 2.8 ms; before, ILIKE read the whole table for 1–2 characters (札幌 274 ms, 鶴 249 ms) and trigrams
 * served 待機児童 in 3.4 ms, リサイクル率 in 2.6 ms (load 3.8).
 * SQLite is unchanged: its FTS5 trigram table with the instr fallback.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // An entry's keys; GIN drops the duplicates itself. lower() as ILIKE folds case, so the index never misses a match.
  // A PL/pgSQL loop costs 40% less than generate_series subqueries in SQL (2.7 s against 4.5 s, 616,314 entries).
  await sql`create function search_text_grams(t text) returns text[]
    language plpgsql immutable strict parallel safe
    as $$
    declare
      l text := lower(t);
      n int := length(l);
      grams text[] := '{}';
    begin
      for i in 1..n loop
        grams := grams || substr(l, i, 1);
        if i < n then grams := grams || substr(l, i, 2); end if;
      end loop;
      return grams;
    end $$`.execute(db);
  // A term's keys: its bigrams, or its one character.
  await sql`create function search_term_grams(t text) returns text[]
    language sql immutable strict parallel safe
    as $$ select case when length(l) = 1 then array[l]
        else array(select substr(l, i, 2) from generate_series(1, length(l) - 1) i) end from lower(t) l $$`.execute(
    db,
  );
  await sql`drop index if exists search_entry_text_trgm_idx`.execute(db);
  await sql`create index search_entry_text_grams_idx on search_entry
    using gin (search_text_grams(title || ' ' || body))`.execute(db);
  await sql`alter table search_entry set (parallel_workers = 0)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table search_entry reset (parallel_workers)`.execute(db);
  await sql`drop index if exists search_entry_text_grams_idx`.execute(db);
  await sql`drop function search_term_grams(text)`.execute(db);
  await sql`drop function search_text_grams(text)`.execute(db);
  const trigram = await sql<{ schema: string }>`
    select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(
    db,
  );
  const schema = trigram.rows[0]?.schema;
  if (schema !== undefined) {
    await sql`create index search_entry_text_trgm_idx on search_entry
      using gin ((title || ' ' || body) ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
  }
}
