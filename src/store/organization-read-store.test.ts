import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonKeyOf } from '../domain/comparison/index.ts';
import type { Indicator } from '../domain/model.ts';
import { seedFullDemo } from '../io/seed-demo.ts';
import { type DatabaseHandle, openDatabase } from './db.ts';
import { migrateToLatest } from './migrate.ts';
import { organizationReadStore } from './organization-read-store.ts';
import { createReadStore } from './queries.ts';
import type { ReadStore } from './read-store.ts';

describe('one organization’s view of the store (the full demo: Komoro, Hirakata and Ofunato)', () => {
  let handle: DatabaseHandle;
  let all: ReadStore;
  let hirakata: ReadStore;

  beforeAll(async () => {
    handle = openDatabase(':memory:');
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
    await seedFullDemo(handle.db);
    all = createReadStore(handle.db);
    hirakata = organizationReadStore(all, 'hirakata');
  }, 60_000);
  afterAll(() => handle.close());

  it('lists only that organization, its plans and its documents', async () => {
    expect((await all.listOrganizations()).map((o) => o.id).sort()).toEqual([
      'hirakata',
      'komoro',
      'ofunato',
    ]);
    expect((await hirakata.listOrganizations()).map((o) => o.id)).toEqual(['hirakata']);
    expect((await hirakata.listPlans()).map((p) => p.organization.id)).toEqual(['hirakata']);
    const documents = await hirakata.listDocuments();
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.length).toBeLessThan((await all.listDocuments()).length);
  });

  it('answers nothing for another organization’s plan, node, indicator or document', async () => {
    const plan = await all.getPlan('mirai-2016');
    const node = plan?.nodes[0];
    expect(node).toBeDefined();
    expect(await hirakata.getPlan('mirai-2016')).toBeUndefined();
    expect(await hirakata.getNode(node?.id ?? '')).toBeUndefined();
    expect(await hirakata.getIndicator('mirai-2016.i.seizure-count')).toBeUndefined();
    expect(await hirakata.getIndicators('mirai-2016', ['mirai-2016.i.seizure-count'])).toEqual([]);
    expect(await hirakata.getDocument('komoro-pride-vol5')).toBeUndefined();
    expect(await all.continuingPlanIds('mirai-2016')).toContain('mirai-2016');
    expect(await hirakata.continuingPlanIds('mirai-2016')).toEqual([]);
    expect(await organizationReadStore(all, 'komoro').getDocument('komoro-pride-vol5')).toBeDefined();
  });

  it('compares the organization with nobody: no comparison and no count of others', async () => {
    const found = await all.getIndicator('mirai-2016.i.seizure-count');
    expect(found).toBeDefined();
    const key = comparisonKeyOf(found?.indicator as Indicator);
    expect(await all.compareIndicator(key)).toBeDefined();
    const komoro = organizationReadStore(all, 'komoro');
    expect(await komoro.compareIndicator(key)).toBeUndefined();
    expect((await komoro.comparableOrganizations([key], 'komoro')).size).toBe(0);
  });

  it('keeps the continuation links between its own plans (the demo has none across organizations)', async () => {
    const komoro = organizationReadStore(all, 'komoro');
    const linked = (await all.getNode('mirai-2016.p1.finance'))?.continuedBy ?? [];
    expect(linked.length).toBeGreaterThan(0);
    expect((await komoro.getNode('mirai-2016.p1.finance'))?.continuedBy).toEqual(linked);
  });
});
