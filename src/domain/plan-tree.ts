/**
 * Walking a plan's node tree, and picking an indicator's latest value: the one definition the store, the exports
 * and the pages share.
 */
import type { Indicator, Observation, PlanNode } from './model.ts';
import { comparePartialDates, parsePartialDate } from './partial-date.ts';

export interface WalkedNode {
  node: PlanNode;
  parent: PlanNode | null;
  /** Zod-style path from the document root, e.g. ['plans', 0, 'nodes', 1, 'children', 0]. */
  path: (string | number)[];
}

/**
 * Every node of one plan with its JSON path, parents before children, in the document's (position) order.
 * @example [...walkNodes(plan.nodes, ['plans', 0])].map((w) => w.node.id)
 */
export function* walkNodes(
  nodes: readonly PlanNode[],
  base: (string | number)[] = [],
  parent: PlanNode | null = null,
): Generator<WalkedNode> {
  for (const [index, node] of nodes.entries()) {
    const path = [...base, parent === null ? 'nodes' : 'children', index];
    yield { node, parent, path };
    yield* walkNodes(node.children, path, node);
  }
}

/** Every node of the tree, parents before children, e.g. `nodesOf(plan.nodes).length` counts a plan's nodes. */
export function nodesOf(nodes: readonly PlanNode[]): PlanNode[] {
  return [...walkNodes(nodes)].map((walked) => walked.node);
}

/** Every indicator of the tree with the node it belongs to. */
export function indicatorsOf(nodes: readonly PlanNode[]): { node: PlanNode; indicator: Indicator }[] {
  return nodesOf(nodes).flatMap((node) => node.indicators.map((indicator) => ({ node, indicator })));
}

/**
 * Finds a node and the path to it from the plan's top level.
 * @example findWithAncestors(nodes, 'policy-1')?.ancestors.map((n) => n.id) // ['pillar-1']
 */
export function findWithAncestors(
  nodes: PlanNode[],
  id: string,
  path: PlanNode[] = [],
): { node: PlanNode; ancestors: PlanNode[] } | undefined {
  for (const node of nodes) {
    if (node.id === id) return { node, ancestors: path };
    const found = findWithAncestors(node.children, id, [...path, node]);
    if (found) return found;
  }
  return undefined;
}

/**
 * The observation with the latest date; undated (or unreadable) dates count as oldest, and of equal dates the one
 * listed last wins. Null when there is none.
 * @example latestObservation({ observations: [{ date: 'FY2016', … }, { date: 'FY2019', … }] }) // the FY2019 one
 */
export function latestObservation(indicator: Pick<Indicator, 'observations'>): Observation | null {
  let latest: Observation | null = null;
  for (const observation of indicator.observations) {
    if (latest === null || compareDates(observation.date, latest.date) >= 0) latest = observation;
  }
  return latest;
}

function compareDates(a: string | null, b: string | null): number {
  const pa = a === null ? null : parsePartialDate(a);
  const pb = b === null ? null : parsePartialDate(b);
  if (pa === null || pb === null) return pa === pb ? 0 : pa === null ? -1 : 1;
  return comparePartialDates(pa, pb);
}
