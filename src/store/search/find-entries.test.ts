import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db.ts';
import { findEntries, postgresQuery } from './find-entries.ts';
import { searchTables } from './search-tables.ts';

const everything = 100_000;

describe.each(testDatabases)('findEntries on $name', (database) => {
  let handle: DatabaseHandle;
  let texts: { id: string; text: string }[];

  beforeAll(async () => {
    handle = await database.openDemo();
    const rows = await searchTables(handle.db)
      .selectFrom('search_entry')
      .select(['id', 'title', 'body'])
      .execute();
    texts = rows.map((r) => ({ id: r.id, text: `${r.title} ${r.body}`.toLowerCase() }));
  });
  afterAll(async () => {
    await handle?.close();
  });

  // What ILIKE finds, for terms whose letters both databases fold alike (ASCII and kana/kanji).
  const containing = (...terms: string[]) =>
    texts
      .filter((e) => terms.every((term) => e.text.includes(term.toLowerCase())))
      .map((e) => e.id)
      .sort();
  const found = async (...terms: string[]) =>
    (await findEntries(handle.db, terms, everything)).map((e) => e.id).sort();

  it.each([['女'], ['女性'], ['市'], ['%'], ['w'], ['Wo'], ['KPI'], ['女', 'r'], ['女性', '審議会'], ['鰻']])(
    'finds exactly the entries containing %s',
    async (...terms) => {
      const expected = containing(...terms);
      expect(await found(...terms)).toEqual(expected);
    },
  );

  it('finds something for the short terms, so the comparison above means something', async () => {
    for (const term of ['女', '女性', '市', 'w', 'Wo']) expect(containing(term).length).toBeGreaterThan(0);
    expect(containing('鰻')).toEqual([]);
  });

  it('ignores the case of ASCII letters in short terms', async () => {
    expect(await found('WO')).toEqual(await found('wo'));
    expect(await found('W')).toEqual(await found('w'));
  });

  it.runIf(database.name === 'postgres')('reads the bigram index for a rare two-character term', async () => {
    const plan = await handle.db.transaction().execute(async (trx) => {
      // The demo is small enough that a scan is cheapest; the question is whether the index can serve the query.
      await sql`analyze search_entry`.execute(trx);
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_indexscan = off`.execute(trx);
      const query = postgresQuery(trx, ['審議'], 1000).compile();
      const explained = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
      );
      return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Bitmap Index Scan on search_entry_text_grams_idx/);
  });
});
