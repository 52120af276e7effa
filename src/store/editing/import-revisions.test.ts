import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { demoDatasetDir, loadDataset } from '../../io/dataset.ts';
import { seedDemo } from '../../io/seed-demo.ts';
import { datasetRows } from '../dataset-rows.ts';
import type { DatabaseHandle } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { readPublished } from './published-records.ts';
import { listRevisionsOf, verifyChain } from './revisions.ts';
import { withEditingTables } from './tables.ts';

describe.each(testDatabases)('import revisions on $name', (database) => {
  let handle: DatabaseHandle;

  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
  });
  afterEach(async () => {
    await handle?.close();
  });

  it('records one import per plan, node, indicator, value, achievement and evaluation of the demo', async () => {
    const rows = datasetRows(await loadDataset(demoDatasetDir));
    await seedDemo(handle.db);
    const expected =
      rows.plan.length +
      rows.node.length +
      rows.indicator.length +
      rows.indicator_value.length +
      rows.achievement.length +
      rows.evaluation.length;
    expect(await verifyChain(handle.db)).toEqual({ ok: true, count: expected });
    const actions = await withEditingTables(handle.db)
      .selectFrom('revision')
      .select('action')
      .distinct()
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['import']);
  });

  it('keeps each record as it was stored, so its first wording stays visible', async () => {
    await seedDemo(handle.db);
    const node = await withEditingTables(handle.db)
      .selectFrom('node')
      .select('id')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const [revision] = await listRevisionsOf(handle.db, 'node', node.id, true);
    expect(revision).toMatchObject({ action: 'import', published: true, reason: 'デモデータ (demo seed)' });
    expect(revision?.after).toEqual((await readPublished(handle.db, 'node', node.id))?.record);
  });
});
