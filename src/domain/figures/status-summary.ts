/**
 * Status counts and the implementation rate (実施率) of a set of nodes, in the plan's own status vocabulary.
 * A node whose status the source does not state counts as 未評価 and stays in the denominator: leaving it out
 * would make a plan look further along the less it reports.
 */
import type { PlanNode, StatusDefinition } from '../model.ts';
import { findStatus, unassessedStatus } from '../status.ts';
import { computed, type FigureResult, missing } from './figure.ts';
import { formatRate } from './number-text.ts';

export interface StatusCount {
  code: string;
  label: string;
  labelEn: string;
  color: string;
  countsAsDone: boolean;
  count: number;
}

export interface StatusSummary {
  counts: StatusCount[];
  total: number;
  done: number;
  unassessed: number;
  implementationRate: FigureResult;
  rule: string;
}

/** Nodes that carry a status of their own: those with one, and leaves (a leaf without one is 未評価). */
export function assessedNodes(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => {
    const below = assessedNodes(n.children);
    return n.status !== null || n.children.length === 0 ? [n, ...below] : below;
  });
}

/**
 * Counts per status and the share done. @example summarizeStatuses(policies, vocab).implementationRate.text // "66.7%"
 */
export function summarizeStatuses(
  nodes: readonly PlanNode[],
  vocabulary: readonly StatusDefinition[],
): StatusSummary {
  const rows = [...vocabulary, unassessedStatus].map((s) => ({ ...s, count: 0 }));
  for (const node of nodes) {
    const status = findStatus(vocabulary, node.status);
    const row = rows.find((r) => r.code === status.code);
    if (row) row.count += 1;
  }
  const total = nodes.length;
  const done = rows.filter((r) => r.countsAsDone).reduce((a, r) => a + r.count, 0);
  const unassessed = rows.at(-1)?.count ?? 0;
  const doneLabels = vocabulary.filter((s) => s.countsAsDone).map((s) => `「${s.label}」`);
  const rule = `${doneLabels.join('・') || '（なし）'}を実施済みとして数え、対象${total}件（未評価${unassessed}件を含む）のうち${done}件`;
  const value = total > 0 ? (done / total) * 100 : null;
  const implementationRate: FigureResult =
    value === null
      ? missing('no_items')
      : computed({
          value,
          unit: '%',
          text: formatRate(value),
          rule: `実施率 = 実施済み ÷ 対象 × 100（${rule}）`,
        });
  return { counts: rows, total, done, unassessed, implementationRate, rule };
}
