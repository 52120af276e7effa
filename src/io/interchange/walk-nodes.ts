/** Every node of a plan tree with its JSON path, parents before children, in the document's order. */
import type { PlanNode } from '../../domain/model.ts';

export interface WalkedNode {
  node: PlanNode;
  parent: PlanNode | null;
  /** Zod-style path from the document root, e.g. ['plans', 0, 'nodes', 1, 'children', 0]. */
  path: (string | number)[];
}

/**
 * Depth-first over the nodes of one plan.
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
