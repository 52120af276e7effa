/**
 * Plans imported beside others are indexed from the rows written: the index then holds exactly what a rebuild
 * from the stored tables gives, on SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import { demoDatasetDir, loadDataset } from '../../io/dataset.ts';
import { importOrganizationDocument } from '../../io/interchange/import-document.ts';
import { datasetRows } from '../dataset-rows.ts';
import type { DatabaseHandle } from '../db.ts';
import { rebuildSearchIndex } from './reindex.ts';
import { searchEntries, searchEntriesFromRows } from './search-entries.ts';
import { searchTables } from './search-tables.ts';

describe.each(testDatabases)('search entries from written rows on $name', (database) => {
  let handle: DatabaseHandle;

  beforeEach(async () => {
    handle = await database.openDemo();
  });
  afterEach(() => handle.close());

  const indexed = async () =>
    (await searchTables(handle.db).selectFrom('search_entry').selectAll().orderBy('id').execute()).map(
      (row) => ({ ...row, position: Number(row.position) }),
    );

  it('equal the entries read from the stored tables', async () => {
    const demo = await loadDataset(demoDatasetDir);
    const fromRows = searchEntriesFromRows(datasetRows(demo));
    const stored = await searchEntries(handle.db);
    const byId = (list: typeof stored) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(fromRows.length).toBeGreaterThan(100);
    expect(byId(fromRows)).toEqual(byId(stored));
  });

  it('index an organization imported beside the demo as a rebuild would, and it is found', async () => {
    const outcome = await importOrganizationDocument(handle.db, sampleDataset());
    expect(outcome).toMatchObject({ ok: true, saved: true });
    const afterImport = await indexed();
    expect(afterImport.some((row) => row.plan_id === sampleDataset().plans[0]!.id)).toBe(true);
    await rebuildSearchIndex(handle.db);
    expect(afterImport).toEqual(await indexed());
  });
});
