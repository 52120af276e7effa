import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { snapshotTables } from '../../../test/helpers/sample-database.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import type { Database } from '../../store/schema.ts';
import { buildTemplateCsv, buildTemplateWorkbook, type TemplateKind } from '../tables/index.ts';
import { importTableFile } from './import-table.ts';

const kinds: TemplateKind[] = [
  'nodes',
  'indicators',
  'indicatorValues',
  'observationsWide',
  'programSheets',
  'programSheetsWide',
  'evaluations',
];

describe.each(testDatabases)('a template uploaded unchanged on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    // The demo holds the very records the examples name: an example row read as data would update them.
    handle = await database.openDemo();
    db = handle.db;
  });
  afterEach(() => handle.close());

  it.each(kinds)('changes nothing: the %s example row is marked and skipped', async (kind) => {
    const before = await snapshotTables(db);
    const bytes = new Uint8Array(await buildTemplateWorkbook(kind));
    const outcome = await importTableFile(db, bytes, { file: `${kind}.xlsx`, publish: true });
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.report.rows).toEqual([]);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it.each(kinds)('changes nothing as a CSV either: the %s example row is skipped', async (kind) => {
    const before = await snapshotTables(db);
    const outcome = await importTableFile(db, buildTemplateCsv(kind), { file: `${kind}.csv`, publish: true });
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.report.rows).toEqual([]);
    expect(await snapshotTables(db)).toEqual(before);
  });
});
