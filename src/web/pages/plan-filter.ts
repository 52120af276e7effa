/** The plan page's filters (`?status=done&pillar=…`): read from the URL, checked, and applied to the tree. */
import type { Context } from 'hono';
import type { PlanNode, StatusDefinition } from '../../domain/model.ts';
import { nodesOf } from '../../domain/plan-tree.ts';
import { findStatus, unassessedStatus } from '../../domain/status.ts';
import { badRequest } from '../http-error.ts';

export interface PlanFilter {
  status?: string;
  pillar?: string;
}

/** A query value that must be one of `allowed`; empty means "all" (the form's すべて option). */
function choice(c: Context, name: string, allowed: readonly string[]): string | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  if (!allowed.includes(value)) {
    throw badRequest(
      name,
      `「${name}」は ${allowed.join(' / ')} のいずれかです (invalid ${name}: ${value}; use ${allowed.join(', ')})`,
    );
  }
  return value;
}

/** The filter of a request; unknown values are a 400 naming the parameter. */
export function readPlanFilter(
  c: Context,
  vocabulary: readonly StatusDefinition[],
  pillars: readonly Pick<PlanNode, 'id'>[],
): PlanFilter {
  const codes = [...vocabulary, unassessedStatus].map((s) => s.code);
  return {
    status: choice(c, 'status', codes),
    pillar: choice(
      c,
      'pillar',
      pillars.map((p) => p.id),
    ),
  };
}

function keepStatus(
  node: PlanNode,
  vocabulary: readonly StatusDefinition[],
  status: string,
): PlanNode | null {
  const children = node.children
    .map((child) => keepStatus(child, vocabulary, status))
    .filter((n): n is PlanNode => n !== null);
  const matches = findStatus(vocabulary, node.status).code === status;
  return matches || children.length > 0 ? { ...node, children } : null;
}

/**
 * The pillars to show: only the chosen pillar, and under each only the nodes with the chosen status
 * (with the ancestors that lead to them).
 * @example applyPlanFilter(plan.nodes, vocab, { status: 'done' }) // pillars with their done policies
 */
export function applyPlanFilter(
  pillars: readonly PlanNode[],
  vocabulary: readonly StatusDefinition[],
  filter: PlanFilter,
): PlanNode[] {
  const chosen = filter.pillar === undefined ? pillars : pillars.filter((p) => p.id === filter.pillar);
  const { status } = filter;
  if (status === undefined) return [...chosen];
  return chosen.flatMap((pillar) => {
    const children = pillar.children
      .map((child) => keepStatus(child, vocabulary, status))
      .filter((n): n is PlanNode => n !== null);
    return children.length > 0 ? [{ ...pillar, children }] : [];
  });
}

/** How many nodes below the pillars a tree holds, to say "12件中3件を表示". */
export function countBelowPillars(pillars: readonly PlanNode[]): number {
  return pillars.reduce((sum, p) => sum + nodesOf(p.children).length, 0);
}
