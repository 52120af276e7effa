import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { largeFixture, sourceQuote } from '../../../test/helpers/large-fixture.ts';
import { expandColumns } from '../../domain/editing/columnar-records.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { listRevisionsOf, verifyChain } from '../../store/editing/revisions.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import type { Database } from '../../store/schema.ts';
import type { BatchImportSummary } from '../../store/table-import/index.ts';
import { importTableFile } from './import-table.ts';

// More rows than one multi-row INSERT holds, so batching and its last partial batch are both exercised.
const rowCount = 2_345;

describe.each(testDatabases)('a large observations import on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    handle = await database.open();
    db = handle.db;
    expect((await migrateToLatest(db)).ok).toBe(true);
  });
  afterEach(() => handle.close());

  it('stores every row once with its value, text and source line, and chains one import revision for the plan', async () => {
    const fixture = largeFixture(rowCount, 50);
    await saveOrganizationDocument(db, fixture.dataset);
    const chainBefore = await verifyChain(db);
    const outcome = await importTableFile(db, new TextEncoder().encode(fixture.csv), { file: 'large.csv' });
    expect(outcome.report.counts).toEqual({ created: rowCount, updated: 0, unchanged: 0, rejected: 0 });
    const rows = await db
      .selectFrom('indicator_value')
      .innerJoin('source', 'source.id', 'indicator_value.source_id')
      .select(['indicator_value.indicator_id', 'date', 'value', 'text', 'source.line', 'source.quote'])
      .where('indicator_value.indicator_id', 'like', 'bench.i.%')
      .execute();
    expect(rows).toHaveLength(rowCount);
    // Row r of the file (0-based) is indicator r % 50 in month r / 50, printed from the number r + 1;
    // indicator 33 counts 円, printed in 千円, and cites line 34 with its own words.
    const r = 1233;
    const expected = rows.find((row) => row.indicator_id === `bench.i.${r % 50}` && row.date === '2002-01');
    expect(expected).toMatchObject({
      value: 1234 * 1000,
      text: '1,234千円',
      line: 34,
      quote: sourceQuote(33),
    });
    // Over the per-record limit: one revision for the plan, holding every created row.
    expect(await verifyChain(db)).toEqual({ ok: true, count: (chainBefore.ok ? chainBefore.count : 0) + 1 });
    const [revision] = (await listRevisionsOf(db, 'plan', 'sample-first')).slice(-1);
    const after = revision?.after as BatchImportSummary;
    expect(revision).toMatchObject({
      action: 'import',
      actor: 'system',
      reason: '取り込み (import): large.csv',
    });
    expect(after.counts).toEqual({ created: rowCount, updated: 0, unchanged: 0, rejected: 0 });
    const created = expandColumns(after.created.indicatorValue!);
    expect(created).toHaveLength(rowCount);
    const row = created.find((record) => record.id === `bench.i.${r % 50}:observation@2002-01`);
    expect(row).toMatchObject({
      value: 1234 * 1000,
      text: '1,234千円',
      source: { line: 34, quote: sourceQuote(33) },
    });
    // Grouped by indicator, each indicator's ids, role and source collapse into runs and shared prefixes.
    expect(after.created.indicatorValue!.columns.indicatorId).toHaveProperty('runs');
    expect(after.created.indicatorValue!.columns['source.quote']).toHaveProperty('runs');
    expect(after.created.indicatorValue!.columns.id).toHaveProperty('prefixed');
    // One source per indicator, not per row.
    const sources = await db
      .selectFrom('source')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('quote', 'like', 'ベンチ指標%')
      .executeTakeFirstOrThrow();
    expect(Number(sources.n)).toBe(50);
    const again = await importTableFile(db, new TextEncoder().encode(fixture.csv), { file: 'large.csv' });
    expect(again.report.counts).toEqual({ created: 0, updated: 0, unchanged: rowCount, rejected: 0 });
  });
});
