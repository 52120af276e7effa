/** Walking a plan's node tree and picking an indicator's latest value, shared by the pages and the API. */
import type { Indicator, Observation, PlanNode } from '../domain/model.ts';
import { comparePartialDates, parsePartialDate } from '../domain/partial-date.ts';

/** Every node of the tree, parents before children, in position order. */
export function* walkNodes(nodes: readonly PlanNode[]): Generator<PlanNode> {
  for (const node of nodes) {
    yield node;
    yield* walkNodes(node.children);
  }
}

/** Every indicator of the tree with the node it belongs to. */
export function indicatorsOf(nodes: readonly PlanNode[]): { node: PlanNode; indicator: Indicator }[] {
  return [...walkNodes(nodes)].flatMap((node) => node.indicators.map((indicator) => ({ node, indicator })));
}

/**
 * The observation with the latest date; undated observations count as oldest. Null when there is none.
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
