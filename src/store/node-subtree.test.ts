/**
 * A node page reads its node's subtree alone (issue 16): over the whole demo (pillars, programs with 事務事業評価
 * sheets, evaluations, achievements, links to later plans) each node read on its own equals the node in its plan's tree,
 * and a nodes-only plan read gives pages the same later statuses as whole plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStore, openDemoStore } from '../../test/helpers/demo-store.ts';
import { laterStatusIndex } from '../domain/figures/index.ts';
import type { Plan, PlanNode } from '../domain/model.ts';
import { findWithAncestors } from '../domain/plan-tree.ts';
import type { PlanReadOptions } from './read-store.ts';

const allNodes = (nodes: PlanNode[]): PlanNode[] =>
  nodes.flatMap((node) => [node, ...allNodes(node.children)]);
const allIds = (nodes: PlanNode[]): string[] => allNodes(nodes).map((node) => node.id);

describe('getNode over the demo', () => {
  let demo: DemoStore;
  beforeAll(async () => {
    demo = await openDemoStore();
  });
  afterAll(() => demo?.close());

  it('gives every node of every plan as its plan holds it, with figures observations as the node page reads them', async () => {
    let checked = 0;
    for (const header of await demo.store.listPlans()) {
      const plan = await demo.store.getPlan(header.id, { observations: 'figures' });
      for (const id of allIds(plan?.nodes ?? [])) {
        const whole = findWithAncestors(plan?.nodes ?? [], id);
        const context = await demo.store.getNode(id, { observations: 'figures' });
        expect(context?.node, id).toEqual(whole?.node);
        expect(context?.ancestors.map((a) => a.title)).toEqual(whole?.ancestors.map((a) => a.title));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('gives the same later statuses from a nodes-only read as from whole plans', async () => {
    const headers = await demo.store.listPlans();
    const read = (options: PlanReadOptions) =>
      Promise.all(headers.map(async (h) => (await demo.store.getPlan(h.id, options)) as Plan));
    const whole = laterStatusIndex(await read({}));
    const nodesOnly = await read({ nodesOnly: true });
    expect(whole.size).toBeGreaterThan(5);
    expect(laterStatusIndex(nodesOnly)).toEqual(whole);
    expect(nodesOnly.flatMap((p) => allNodes(p.nodes)).every((n) => n.indicators.length === 0)).toBe(true);
  });
});
