import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db.ts';
import { findEntries } from '../search/find-entries.ts';
import { down, up } from './2026-12-05-80-short-term-search.ts';

const postgres = testDatabases.filter((d) => d.name === 'postgres');

describe.each(postgres)('the short-term-search migration on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.openDemo();
  });
  afterEach(() => handle.close());

  const indexes = async () =>
    (
      await sql<{ indexname: string }>`select indexname from pg_indexes
        where schemaname = current_schema() and tablename = 'search_entry' order by indexname`.execute(
        handle.db,
      )
    ).rows.map((r) => r.indexname);
  const parallelWorkers = async () =>
    (
      await sql<{ options: string[] | null }>`select reloptions as options from pg_class
        where oid = 'search_entry'::regclass`.execute(handle.db)
    ).rows[0]?.options ?? [];
  const found = async (term: string) => (await findEntries(handle.db, [term], 1000)).map((e) => e.id).sort();

  it('swaps the trigram index for the gram index over the entries already held, and back', async () => {
    const before = await found('女性');
    expect(before.length).toBeGreaterThan(0);
    expect(await indexes()).toContain('search_entry_text_grams_idx');
    expect(await indexes()).not.toContain('search_entry_text_trgm_idx');
    expect(await parallelWorkers()).toContain('parallel_workers=0');

    await down(handle.db);
    expect(await indexes()).toContain('search_entry_text_trgm_idx');
    expect(await indexes()).not.toContain('search_entry_text_grams_idx');
    expect(await parallelWorkers()).toEqual([]);
    await up(handle.db);
    expect(await indexes()).toContain('search_entry_text_grams_idx');
    expect(await found('女性')).toEqual(before);
  });
});
