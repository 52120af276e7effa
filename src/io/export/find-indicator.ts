/** Finds an indicator and its node by id across every plan: the read store has no lookup by indicator. */
import type { Indicator } from '../../domain/model.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { walkNodes } from '../interchange/walk-nodes.ts';

export interface FoundIndicator {
  planId: string;
  nodeId: string;
  indicator: Indicator;
}

/**
 * The indicator with the plan and node it belongs to, or undefined.
 * @example (await findIndicator(store, 'mirai-2016.i.furusato-nozei'))?.nodeId
 */
export async function findIndicator(store: ReadStore, id: string): Promise<FoundIndicator | undefined> {
  for (const header of await store.listPlans()) {
    const plan = await store.getPlan(header.id);
    for (const { node } of walkNodes(plan?.nodes ?? [])) {
      const indicator = node.indicators.find((i) => i.id === id);
      if (indicator) return { planId: header.id, nodeId: node.id, indicator };
    }
  }
  return undefined;
}
