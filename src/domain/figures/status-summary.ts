/**
 * What is known about a set of nodes' statuses, in the plan's own vocabulary: coverage first (how many are rated),
 * then the implementation rate (実施率) over the rated ones only. A 未評価 node is neither done nor not done, so
 * it stays out of the rate's denominator; when fewer than half the nodes are rated the rate is not a headline,
 * because it would speak for a plan that mostly has not reported.
 * A node whose own status is not stated but that a later plan continues and rates takes that later status, and
 * says where it comes from.
 */
import type { PlanNode, SourceRef, StatusDefinition } from '../model.ts';
import { findStatus, unassessedStatus } from '../status.ts';
import { computed, type FigureResult, missing } from './figure.ts';
import { formatRate } from './number-text.ts';

/** The rate is a headline only when at least this share of the nodes is rated (one half). */
export const headlineCoverage = 0.5;

/** The status a later plan gives a node it continues: 「2期8年の足跡で完了」. */
export interface LaterStatus {
  status: StatusDefinition;
  nodeId: string;
  nodeTitle: string;
  planId: string;
  planTitle: string;
  source?: SourceRef;
}

export interface StatusCount {
  code: string;
  label: string;
  labelEn: string;
  color: string;
  countsAsDone: boolean;
  count: number;
  /** Of `count`, how many take their status from a later plan. */
  carried: number;
}

export interface StatusSummary {
  counts: StatusCount[];
  total: number;
  /** Nodes with a status (their own or a later plan's): total − unassessed. */
  rated: number;
  done: number;
  unassessed: number;
  /** Nodes rated by a later plan that continues them. */
  carried: number;
  /** Rated ÷ total × 100. */
  coverage: FigureResult;
  /** Done ÷ rated × 100, over the rated nodes only. */
  implementationRate: FigureResult;
  /** True when coverage reaches `headlineCoverage`, so the rate may be shown as a headline. */
  rateIsHeadline: boolean;
  rule: string;
  ruleEn: string;
}

/** Nodes that carry a status of their own: those with one, and leaves (a leaf without one is 未評価). */
export function assessedNodes(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => {
    const below = assessedNodes(n.children);
    return n.status !== null || n.children.length === 0 ? [n, ...below] : below;
  });
}

/** The status a node counts with: its own, else the one a later plan gives it, else 未評価. */
function effectiveStatus(
  node: PlanNode,
  vocabulary: readonly StatusDefinition[],
  later: ReadonlyMap<string, LaterStatus>,
): { status: StatusDefinition; carried: boolean } {
  const own = findStatus(vocabulary, node.status);
  if (own.code !== unassessedStatus.code) return { status: own, carried: false };
  const carried = later.get(node.id);
  if (carried === undefined) return { status: own, carried: false };
  // A later plan may use other words; its status counts here under the same code, else as done or not by its flag.
  const same = vocabulary.find((s) => s.code === carried.status.code);
  const byFlag = vocabulary.find((s) => s.countsAsDone === carried.status.countsAsDone);
  const status = same ?? byFlag;
  return status ? { status, carried: true } : { status: own, carried: false };
}

function rules(
  s: Omit<StatusSummary, 'rule' | 'ruleEn' | 'coverage' | 'implementationRate' | 'rateIsHeadline'>,
  doneLabels: string[],
  doneLabelsEn: string[],
) {
  const carriedJa = s.carried > 0 ? `（うち${s.carried}件は引き継いだ後の計画での状況）` : '';
  const carriedEn = s.carried > 0 ? ` (${s.carried} of them by the later plan that continues them)` : '';
  const ja =
    `対象${s.total}件のうち状況が示されているのは${s.rated}件${carriedJa}、未評価は${s.unassessed}件。` +
    `実施率は、状況が示されている${s.rated}件のうち${doneLabels.join('・') || '（なし）'}の${s.done}件の割合で、未評価は分母に入れない。` +
    `状況が示されているのが半分未満のときは、実施率を見出しにしない。`;
  const en =
    `${s.rated} of ${s.total} items have a stated status${carriedEn}; ${s.unassessed} are not assessed. ` +
    `The implementation rate is the ${s.done} marked ${doneLabelsEn.join(' or ') || '(none)'} out of the ${s.rated} with a status; ` +
    'items not assessed are left out of it. When fewer than half have a status, the rate is not shown as a headline.';
  return { ja, en };
}

/**
 * Coverage, counts per status and the share done among the rated.
 * @example summarizeStatuses(policies, vocab).implementationRate.text // "66.7%"
 */
export function summarizeStatuses(
  nodes: readonly PlanNode[],
  vocabulary: readonly StatusDefinition[],
  later: ReadonlyMap<string, LaterStatus> = new Map(),
): StatusSummary {
  const rows: StatusCount[] = [...vocabulary, unassessedStatus].map((s) => ({ ...s, count: 0, carried: 0 }));
  for (const node of nodes) {
    const { status, carried } = effectiveStatus(node, vocabulary, later);
    const row = rows.find((r) => r.code === status.code);
    if (!row) continue;
    row.count += 1;
    if (carried) row.carried += 1;
  }
  const total = nodes.length;
  const done = rows.filter((r) => r.countsAsDone).reduce((a, r) => a + r.count, 0);
  const unassessed = rows.at(-1)?.count ?? 0;
  const rated = total - unassessed;
  const carried = rows.reduce((a, r) => a + r.carried, 0);
  const doneDefs = vocabulary.filter((s) => s.countsAsDone);
  const words = rules(
    { counts: rows, total, rated, done, unassessed, carried },
    doneDefs.map((s) => `「${s.label}」`),
    doneDefs.map((s) => `“${s.labelEn}”`),
  );
  const coverage: FigureResult =
    total === 0
      ? missing('no_items')
      : computed({
          value: (rated / total) * 100,
          unit: '%',
          text: formatRate((rated / total) * 100),
          rule: `評価済みの割合 = 状況が示されている件数 ÷ 対象件数 × 100（${rated}件 ÷ ${total}件）`,
        });
  const implementationRate: FigureResult =
    rated === 0
      ? missing('no_items')
      : computed({
          value: (done / rated) * 100,
          unit: '%',
          text: formatRate((done / rated) * 100),
          rule: `実施率 = 実施済み ÷ 状況が示されている件数 × 100（${done}件 ÷ ${rated}件。未評価${unassessed}件は含めない）`,
        });
  return {
    counts: rows,
    total,
    rated,
    done,
    unassessed,
    carried,
    coverage,
    implementationRate,
    rateIsHeadline: total > 0 && rated / total >= headlineCoverage,
    rule: words.ja,
    ruleEn: words.en,
  };
}
