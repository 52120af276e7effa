/**
 * Walking a plan's node tree, and picking an indicator's latest value: the one definition the store, the exports
 * and the pages share.
 */
import type { Indicator, Observation, PlanNode } from './model.ts';
import { comparePartialDates, type PartialDate, parsePartialDate } from './partial-date.ts';

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
  let latestDate: PartialDate | null = null;
  for (const observation of indicator.observations) {
    // Each date parsed once: this runs for every indicator of every page.
    const date = observation.date === null ? null : parsePartialDate(observation.date);
    if (latest === null || compareParsed(date, latestDate) >= 0) {
      latest = observation;
      latestDate = date;
    }
  }
  return latest;
}

function compareParsed(pa: PartialDate | null, pb: PartialDate | null): number {
  if (pa === null || pb === null) return pa === pb ? 0 : pa === null ? -1 : 1;
  return comparePartialDates(pa, pb);
}

/**
 * The few observations every figure reads (start, latest, their count above one), in their listed order: the first
 * and last undated, the first of the earliest date and the last of the latest date. Figures computed from these
 * equal those computed from all (a property test checks it); a page that only summarises loads no more.
 * @example figureObservations([fy2016, fy2017, fy2018]) // [fy2016, fy2018]
 */
export function figureObservations<T extends Pick<Observation, 'date'>>(observations: readonly T[]): T[] {
  let firstUndated = -1;
  let lastUndated = -1;
  let earliest = -1;
  let latest = -1;
  let earliestDate: PartialDate | null = null;
  let latestDate: PartialDate | null = null;
  for (const [index, observation] of observations.entries()) {
    const date = observation.date ? parsePartialDate(observation.date) : null;
    if (date === null) {
      if (firstUndated < 0) firstUndated = index;
      lastUndated = index;
      continue;
    }
    if (earliestDate === null || comparePartialDates(date, earliestDate) < 0) {
      earliest = index;
      earliestDate = date;
    }
    if (latestDate === null || comparePartialDates(date, latestDate) >= 0) {
      latest = index;
      latestDate = date;
    }
  }
  const kept = new Set([firstUndated, lastUndated, earliest, latest].filter((i) => i >= 0));
  return observations.filter((_, index) => kept.has(index));
}
