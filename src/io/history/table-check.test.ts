/**
 * `mieruka verify` checks the tables one plan at a time (issue 16): what it holds at once is one plan's records
 * however many plans there are, a value tampered with in the last plan is still named, and a record moved between
 * plans behind the log's back is reported as one replay of the whole log reports it. On SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMunicipalities } from '../../../bench/municipalities.ts';
import { nationalDocument } from '../../../bench/national-dataset.ts';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { compareWithTables, type LoggedRecord, replayLog } from '../../domain/editing/log-replay.ts';
import { organizationDocumentSchema } from '../../domain/model.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { walkPublishedRevisions } from '../../store/editing/revisions.ts';
import { listPlanIds, readStoredRecordsOfPlan, storedEntities } from '../../store/editing/stored-records.ts';
import { importOrganizationDocument } from '../interchange/import-document.ts';
import { checkTablesAgainstLog, loggedRecordsOf, type PlanChecked } from './table-check.ts';

// One plan of one pillar, one policy, five indicators and their values: about 70 records, a revision each.
function smallOrganization(n: number) {
  const document = nationalDocument(readMunicipalities()[n]!);
  const manifesto = document.plans!.at(-1)!;
  const [pillar] = manifesto.nodes!;
  const plan = { ...manifesto, nodes: [{ ...pillar!, children: pillar!.children!.slice(0, 1) }] };
  return organizationDocumentSchema.parse({ ...document, plans: [plan] });
}

// What verify reported before it went plan by plan: the whole log replayed at once against every plan's records.
async function replayedAtOnce(handle: DatabaseHandle) {
  const log = new Map<string, LoggedRecord>();
  await walkPublishedRevisions(handle.db, (page) => {
    replayLog(page.flatMap(loggedRecordsOf), log);
  });
  const stored = [];
  for (const planId of await listPlanIds(handle.db))
    stored.push(...(await readStoredRecordsOfPlan(handle.db, planId)));
  return compareWithTables(log, stored, storedEntities);
}

describe.each(testDatabases)('checking the tables against the history on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
  });
  afterEach(() => handle.close());

  const importOrganizations = async (from: number, to: number) => {
    for (let n = from; n < to; n += 1) {
      const outcome = await importOrganizationDocument(handle.db, smallOrganization(n));
      expect(outcome.ok).toBe(true);
    }
  };

  const checkHolding = async () => {
    const held: PlanChecked[] = [];
    const found = await checkTablesAgainstLog(handle.db, { onPlanChecked: (plan) => held.push(plan) });
    const most = Math.max(...held.map((plan) => plan.logged + plan.stored));
    const total = held.reduce((sum, plan) => sum + plan.stored, 0);
    return { found, held, most, total };
  };

  it('holds one plan’s records at a time, however many plans there are', async () => {
    await importOrganizations(0, 2);
    const two = await checkHolding();
    await importOrganizations(2, 6);
    const six = await checkHolding();
    expect(two.found).toEqual([]);
    expect(six.found).toEqual([]);
    // Every plan checked, then the revisions of no plan.
    expect(six.held.map((plan) => plan.planId)).toEqual([...(await listPlanIds(handle.db)), null]);
    expect(six.total).toBe(3 * two.total);
    expect(six.most).toBe(two.most);
    expect(six.most).toBeLessThan(six.total);
  });

  it('names a value edited behind the log’s back in the last plan checked', async () => {
    await importOrganizations(0, 3);
    const lastPlan = (await listPlanIds(handle.db)).at(-1)!;
    const value = await handle.db
      .selectFrom('indicator_value')
      .innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id')
      .innerJoin('node', 'node.id', 'indicator.node_id')
      .select(['indicator_value.id', 'indicator_value.value'])
      .where('node.plan_id', '=', lastPlan)
      .orderBy('indicator_value.id', 'desc')
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable('indicator_value')
      .set({ value: Number(value.value) + 1 })
      .where('id', '=', value.id)
      .execute();
    expect(await checkTablesAgainstLog(handle.db)).toEqual([
      { kind: 'edited', entity: 'indicatorValue', id: value.id, seq: expect.any(Number), fields: ['value'] },
    ]);
  });

  it('reports records moved, deleted and added across plans as one replay of the whole log does', async () => {
    await importOrganizations(0, 3);
    const [first, , last] = await listPlanIds(handle.db);
    const node = await handle.db
      .selectFrom('node')
      .select('id')
      .where('plan_id', '=', first!)
      .where('parent_id', 'is not', null)
      .executeTakeFirstOrThrow();
    await handle.db.updateTable('node').set({ plan_id: last! }).where('id', '=', node.id).execute();
    const gone = await handle.db.selectFrom('indicator').select('id').orderBy('id').executeTakeFirstOrThrow();
    await handle.db.deleteFrom('indicator_value').where('indicator_id', '=', gone.id).execute();
    await handle.db.updateTable('plan').set({ title: '書き換え' }).where('id', '=', last!).execute();
    const expected = await replayedAtOnce(handle);
    const kinds = new Set(expected.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(['deleted', 'edited']);
    expect(expected.some((d) => d.entity === 'node' && d.id === node.id)).toBe(true);
    expect(await checkTablesAgainstLog(handle.db)).toEqual(expected);
  });
});
