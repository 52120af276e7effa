import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';
import { nodesOf } from '../../domain/plan-tree.ts';
import { loadEvidence, loadPlanEvidence } from './evidence.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

describe('loadPlanEvidence', () => {
  it("gives a plan's nodes the later statuses and documents that reading every plan of its organization gives", async () => {
    let carried = 0;
    for (const header of await demo.store.listPlans()) {
      const plan = await demo.store.getPlan(header.id);
      if (!plan) throw new Error(`${header.id} not read back`);
      const all = await loadEvidence(demo.store, plan.organization.id, [plan]);
      const own = await loadPlanEvidence(demo.store, plan);
      const ids = nodesOf(plan.nodes).map((n) => n.id);
      const ofNodes = (later: typeof all.later) => ids.flatMap((id) => later.get(id) ?? []);
      expect(ofNodes(own.later)).toEqual(ofNodes(all.later));
      expect([...own.documents.keys()]).toEqual([...all.documents.keys()]);
      carried += ofNodes(own.later).length;
    }
    // The demo's 2016 promises are carried by the 2024 record: the comparison above is not of two empty maps.
    expect(carried).toBeGreaterThan(0);
  });
});
