/**
 * A plan's records built from the rows an import writes equal the records the store reads back once they are
 * stored, on SQLite and PostgreSQL: the import's history is taken from the former, `mieruka verify` replays it
 * against the latter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import { syntheticOrganization } from '../../../test/helpers/synthetic-organization.ts';
import type { OrganizationDocument } from '../../domain/model.ts';
import { demoDatasetDir, loadDataset } from '../../io/dataset.ts';
import { datasetRows, insertionOrder } from '../dataset-rows.ts';
import type { DatabaseHandle } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { insertTable } from '../save-dataset.ts';
import { attachedEntities } from './import-revisions.ts';
import { readPlanRecords } from './published-records.ts';
import { recordsFromRows } from './records-from-rows.ts';

/** Records by id, so rows of equal position (siblings under different parents) compare in any order. */
const byId = (list: readonly { record: { id: string } }[]) =>
  Object.fromEntries(list.map((stored) => [stored.record.id, stored]));

describe.each(testDatabases)('records from the rows an import writes on $name', (database) => {
  let handle: DatabaseHandle;

  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
  });
  afterEach(async () => {
    await handle?.close();
  });

  async function expectSameAsStored(doc: OrganizationDocument) {
    const rows = datasetRows(doc);
    await handle.db.transaction().execute(async (trx) => {
      for (const table of insertionOrder) await insertTable(trx, table, rows[table]);
    });
    const built = recordsFromRows(rows);
    expect([...built.keys()].sort()).toEqual(doc.plans.map((p) => p.id).sort());
    for (const plan of doc.plans) {
      const stored = await readPlanRecords(handle.db, plan.id);
      const fromRows = built.get(plan.id)!;
      expect(fromRows.plan).toEqual(stored.plan);
      for (const entity of attachedEntities) {
        expect(fromRows[entity].map((s) => s.record.position)).toEqual(
          stored[entity].map((s) => s.record.position),
        );
        expect(byId(fromRows[entity])).toEqual(byId(stored[entity]));
      }
    }
  }

  it('holds for the demo, whose records use every kind of field', async () => {
    await expectSameAsStored(await loadDataset(demoDatasetDir));
  });

  it('holds for the sample town and a synthetic organization of many values', async () => {
    await expectSameAsStored(sampleDataset());
    await expectSameAsStored(syntheticOrganization(2, 30, 10));
  });
});
