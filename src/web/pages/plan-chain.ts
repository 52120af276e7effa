/** The `follows` chain of an organization's plans, and the `continues` links between their nodes both ways. */
import type { PlanNode } from '../../domain/model.ts';
import { nodesOf } from '../../domain/plan-tree.ts';

interface ChainPlan {
  id: string;
  follows: string | null;
}

/**
 * Plans in the order they follow one another; plans outside any chain come after, in the given order.
 * @example followsChain([c{follows:b}, a{follows:null}, b{follows:a}]) // [a, b, c]
 */
export function followsChain<T extends ChainPlan>(plans: readonly T[]): T[] {
  const ids = new Set(plans.map((p) => p.id));
  const heads = plans.filter((p) => p.follows === null || !ids.has(p.follows));
  const ordered: T[] = [];
  const seen = new Set<string>();
  for (const head of heads) {
    let current: T | undefined = head;
    while (current && !seen.has(current.id)) {
      ordered.push(current);
      seen.add(current.id);
      const id: string = current.id;
      current = plans.find((p) => p.follows === id && !seen.has(p.id));
    }
  }
  return [...ordered, ...plans.filter((p) => !seen.has(p.id))];
}

/** Each node id with the ids of nodes (of any plan given) that continue it: the reverse of `continues`. */
export function continuedByIndex(trees: readonly (readonly PlanNode[])[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const node of trees.flatMap(nodesOf)) {
    for (const earlier of node.continues) index.set(earlier, [...(index.get(earlier) ?? []), node.id]);
  }
  return index;
}
