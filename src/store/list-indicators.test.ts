/**
 * listIndicators: a plan's indicators as the indicators API pages them (issue 16), read without their values, in
 * the order of the plan's tree; and getPlanHeader, a plan without its tree. On both databases over the demo and a second organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import { syntheticOrganization } from '../../test/helpers/synthetic-organization.ts';
import { indicatorsOf } from '../domain/plan-tree.ts';
import type { DatabaseHandle } from './db.ts';
import { organizationReadStore } from './organization-read-store.ts';
import { createReadStore } from './queries.ts';
import { saveOrganizationDocument } from './save-dataset.ts';

describe.each(testDatabases)('listIndicators and getPlanHeader over the demo ($name)', (database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.openDemo();
    await saveOrganizationDocument(handle.db, syntheticOrganization(1, 0, 0));
  }, 60_000);
  afterAll(() => handle?.close());

  it('lists every plan’s indicators with node and kind in the order of its tree', async () => {
    const store = createReadStore(handle.db);
    let listed = 0;
    for (const header of await store.listPlans()) {
      const plan = await store.getPlan(header.id, { observations: 'none' });
      const expected = indicatorsOf(plan?.nodes ?? []).map(({ node, indicator }) => ({
        id: indicator.id,
        kind: indicator.kind,
        nodeId: node.id,
      }));
      expect(await store.listIndicators(header.id), header.id).toEqual(expected);
      listed += expected.length;
    }
    expect(listed).toBeGreaterThan(10);
    expect(await store.listIndicators('no-such-plan')).toEqual([]);
  });

  it('gives a plan’s header as listPlans does, and nothing for an unknown id', async () => {
    const store = createReadStore(handle.db);
    const [first] = await store.listPlans();
    expect(await store.getPlanHeader(first?.id ?? '')).toEqual(first);
    expect(await store.getPlanHeader('no-such-plan')).toBeUndefined();
  });

  it('lists, to another organization’s view, neither the plan nor its indicators', async () => {
    const store = createReadStore(handle.db);
    const organizations = await store.listOrganizations();
    const komoro = (await store.listPlans()).find((p) => p.id === 'mirai-2016')?.organization.id;
    const other = organizations.find((o) => o.id !== komoro)?.id;
    if (komoro === undefined || other === undefined) throw new Error('two organizations expected');
    expect((await organizationReadStore(store, komoro).listIndicators('mirai-2016')).length).toBeGreaterThan(
      0,
    );
    expect(await organizationReadStore(store, other).listIndicators('mirai-2016')).toEqual([]);
    expect(await organizationReadStore(store, other).getPlanHeader('mirai-2016')).toBeUndefined();
    expect(await organizationReadStore(store, other).listPlans(komoro)).toEqual([]);
    expect((await store.listPlans(komoro)).every((p) => p.organization.id === komoro)).toBe(true);
    expect(await store.listOrganizations(other)).toEqual(organizations.filter((o) => o.id === other));
  });
});
