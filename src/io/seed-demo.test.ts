import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { createReadStore } from '../store/queries.ts';
import { isEmpty } from '../store/seed.ts';
import { demoDatasetDir, loadDataset } from './dataset.ts';
import { seedDemo } from './seed-demo.ts';

describe.each(testDatabases)('seedDemo on $name', (database) => {
  let handle: DatabaseHandle;

  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
  });
  afterEach(async () => {
    await handle?.close();
  });

  it('fills an empty database', async () => {
    expect(await isEmpty(handle.db)).toBe(true);
    await seedDemo(handle.db);
    expect(await isEmpty(handle.db)).toBe(false);
  });

  it('reads back exactly the demo dataset, plan by plan', async () => {
    const expected = await loadDataset(demoDatasetDir);
    await seedDemo(handle.db);
    const store = createReadStore(handle.db);
    expect(await store.listOrganizations()).toStrictEqual([expected.organization]);
    expect(await store.listDocuments(expected.organization.id)).toStrictEqual(expected.documents);
    expect((await store.listPlans()).map((p) => p.id).sort()).toEqual(expected.plans.map((p) => p.id).sort());
    // The demo plans are still being written: compare whatever plans the folder holds today.
    for (const plan of expected.plans) {
      const { organization: _organization, ...read } = (await store.getPlan(plan.id)) ?? {};
      expect(read, plan.id).toStrictEqual(plan);
    }
  });
});
