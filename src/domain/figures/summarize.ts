/**
 * The rollups `GET /plans/{id}` and `GET /nodes/{id}` return as `summary`: status counts and implementation rate,
 * grade distribution and mean rate of indicators, and evaluators' point totals, each with its rule in words.
 */
import type { Indicator, Plan, PlanNode, StatusDefinition } from '../model.ts';
import { indicatorsOf } from '../plan-tree.ts';
import { statusVocabularyOf } from '../status.ts';
import type { FiguresPlan } from './indicator-figures.ts';
import { type IndicatorRollup, summarizeIndicators } from './rating-summary.ts';
import { rollupScores, type ScoreRollup } from './score-rollup.ts';
import { assessedNodes, type StatusSummary, summarizeStatuses } from './status-summary.ts';

export interface SummaryPlan extends FiguresPlan {
  statusVocabulary: StatusDefinition[] | null;
}

export interface Summary extends IndicatorRollup {
  status: StatusSummary;
  indicatorCount: number;
  scores: ScoreRollup[];
  /** Every rule used above, in words, for the page's 「集計方法」 note. */
  rules: string[];
}

function summarize(
  statusNodes: readonly PlanNode[],
  indicators: readonly Indicator[],
  scored: readonly PlanNode[],
  plan: SummaryPlan,
): Summary {
  const status = summarizeStatuses(statusNodes, statusVocabularyOf(plan));
  const rollup = summarizeIndicators(indicators, plan);
  const scores = rollupScores(scored);
  const rules = [
    status.implementationRate.value === null ? status.rule : status.implementationRate.rule,
    rollup.ratingDistribution.rule,
    rollup.meanAchievementRate.value === null ? undefined : rollup.meanAchievementRate.rule,
    ...scores.map((s) => (s.total.value === null ? undefined : `${s.evaluatorName}: ${s.total.rule}`)),
  ].filter((r): r is string => r !== undefined);
  return { status, indicatorCount: indicators.length, ...rollup, scores, rules };
}

/**
 * Rollup of one node's subtree (a leaf summarises itself).
 * @example summarizeNode(pillar, plan).status.implementationRate.text // "80.0%"
 */
export function summarizeNode(node: PlanNode, plan: SummaryPlan): Summary {
  const statusNodes = node.children.length > 0 ? assessedNodes(node.children) : [node];
  return summarize(
    statusNodes,
    indicatorsOf([node]).map((i) => i.indicator),
    node.children,
    plan,
  );
}

/** Rollup of the whole plan. @example summarizePlan(plan).ratingDistribution.grades[0] // { grade: "A", count: 3, percent: 42.8 } */
export function summarizePlan(plan: Plan): Summary {
  return summarize(
    assessedNodes(plan.nodes),
    indicatorsOf(plan.nodes).map((i) => i.indicator),
    plan.nodes,
    plan,
  );
}
