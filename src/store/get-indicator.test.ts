/** ReadStore.getIndicator on SQLite and PostgreSQL: the same indicator the plan tree holds, read on its own. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import type { PlanNode } from '../domain/model.ts';
import type { DatabaseHandle } from './db.ts';
import { createReadStore } from './queries.ts';
import type { IndicatorContext, ReadStore } from './read-store.ts';

function* indicatorsIn(planId: string, nodes: readonly PlanNode[]): Generator<IndicatorContext> {
  for (const node of nodes) {
    for (const indicator of node.indicators) yield { planId, nodeId: node.id, indicator };
    yield* indicatorsIn(planId, node.children);
  }
}

async function everyIndicator(store: ReadStore): Promise<IndicatorContext[]> {
  const found: IndicatorContext[] = [];
  for (const header of await store.listPlans()) {
    const plan = await store.getPlan(header.id);
    found.push(...indicatorsIn(header.id, plan?.nodes ?? []));
  }
  return found;
}

describe.each(testDatabases)('getIndicator on $name', (database) => {
  let handle: DatabaseHandle;
  let store: ReadStore;
  beforeEach(async () => {
    handle = await database.openDemo();
    store = createReadStore(handle.db);
  });
  afterEach(async () => {
    await handle?.close();
  });

  it('gives every demo indicator exactly as its plan tree holds it, with its plan and node', async () => {
    const all = await everyIndicator(store);
    expect(all.length).toBeGreaterThan(1);
    for (const expected of all) expect(await store.getIndicator(expected.indicator.id)).toEqual(expected);
  });

  it('carries its baseline, target, observations and reported figures, and nothing of other indicators', async () => {
    const observed = (await everyIndicator(store)).find(
      (i) => i.indicator.observations.length > 0 && i.indicator.reported.length > 0,
    );
    expect(observed).toBeDefined();
    const found = await store.getIndicator(observed?.indicator.id ?? '');
    expect(found?.indicator.observations).toHaveLength(observed?.indicator.observations.length ?? -1);
    expect(found?.indicator.reported).toHaveLength(observed?.indicator.reported.length ?? -1);
  });

  it('gives undefined for an unknown id', async () => {
    expect(await store.getIndicator('no-such-indicator')).toBeUndefined();
  });
});
