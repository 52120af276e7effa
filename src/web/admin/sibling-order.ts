/** Where a node sits among its siblings, for the up/down buttons. */
import type { PlanNode } from '../../domain/model.ts';

/**
 * The ordered siblings of a node (itself included), or undefined when the tree does not hold it.
 * @example siblingsOf(plan.nodes, 'p2')?.map((n) => n.id) // ['p1', 'p2', 'p3']
 */
export function siblingsOf(nodes: readonly PlanNode[], id: string): readonly PlanNode[] | undefined {
  if (nodes.some((node) => node.id === id)) return nodes;
  for (const node of nodes) {
    const found = siblingsOf(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * The sibling a node swaps places with when moved one step; undefined at either end.
 * @example neighbourOf(siblings, 'p2', 'up')?.id // 'p1'
 */
export function neighbourOf(
  siblings: readonly PlanNode[],
  id: string,
  direction: 'up' | 'down',
): PlanNode | undefined {
  const index = siblings.findIndex((node) => node.id === id);
  if (index < 0) return undefined;
  return siblings[direction === 'up' ? index - 1 : index + 1];
}
