/**
 * The rollups `GET /plans/{id}` and `GET /nodes/{id}` return as `summary`: status counts and implementation rate,
 * grade distribution and mean rate of indicators, and evaluators' point totals, each with its rule in words.
 */
import type { Indicator, Plan, PlanNode, StatusDefinition } from '../model.ts';
import { indicatorsOf, nodesOf } from '../plan-tree.ts';
import { statusVocabularyOf } from '../status.ts';
import type { FiguresPlan } from './indicator-figures.ts';
import { type IndicatorRollup, summarizeIndicators } from './rating-summary.ts';
import { rollupScores, type ScoreRollup } from './score-rollup.ts';
import { assessedNodes, type LaterStatus, type StatusSummary, summarizeStatuses } from './status-summary.ts';

export interface SummaryPlan extends FiguresPlan {
  statusVocabulary: StatusDefinition[] | null;
}

export interface Summary extends IndicatorRollup {
  status: StatusSummary;
  indicatorCount: number;
  scores: ScoreRollup[];
  /** 取り組み実績 recorded on the node and everything below it. */
  achievementCount: number;
  /** Documents the figures stand on, each id once: status evidence (own or a later plan's) and achievements. */
  sourceDocuments: { statuses: string[]; achievements: string[] };
  /** Every rule used above, in words, for the page's 「集計方法」 note. */
  rules: string[];
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function sourceDocuments(
  statusNodes: readonly PlanNode[],
  below: readonly PlanNode[],
  later: ReadonlyMap<string, LaterStatus>,
): Summary['sourceDocuments'] {
  const statuses = statusNodes.flatMap((n) => {
    const own = n.status !== null ? n.statusSource?.documentId : undefined;
    const carried = n.status === null ? later.get(n.id)?.source?.documentId : undefined;
    return [own, carried].filter((id): id is string => id !== undefined);
  });
  const achievements = below.flatMap((n) => n.achievements.map((a) => a.source.documentId));
  return { statuses: unique(statuses), achievements: unique(achievements) };
}

function summarize(
  statusNodes: readonly PlanNode[],
  indicators: readonly Indicator[],
  scored: readonly PlanNode[],
  plan: SummaryPlan,
  later: ReadonlyMap<string, LaterStatus>,
  below: readonly PlanNode[],
): Summary {
  const status = summarizeStatuses(statusNodes, statusVocabularyOf(plan), later);
  const rollup = summarizeIndicators(indicators, plan);
  const scores = rollupScores(scored);
  const rules = [
    status.rule,
    rollup.ratingDistribution.rule,
    rollup.meanAchievementRate.value === null ? undefined : rollup.meanAchievementRate.rule,
    ...scores.map((s) => (s.total.value === null ? undefined : `${s.evaluatorName}: ${s.total.rule}`)),
  ].filter((r): r is string => r !== undefined);
  return {
    status,
    indicatorCount: indicators.length,
    ...rollup,
    scores,
    achievementCount: below.reduce((a, n) => a + n.achievements.length, 0),
    sourceDocuments: sourceDocuments(statusNodes, below, later),
    rules,
  };
}

/**
 * Rollup of one node's subtree (a leaf summarises itself).
 * @example summarizeNode(pillar, plan).status.implementationRate.text // "80.0%"
 */
export function summarizeNode(
  node: PlanNode,
  plan: SummaryPlan,
  later: ReadonlyMap<string, LaterStatus> = new Map(),
): Summary {
  const statusNodes = node.children.length > 0 ? assessedNodes(node.children) : [node];
  return summarize(
    statusNodes,
    indicatorsOf([node]).map((i) => i.indicator),
    node.children,
    plan,
    later,
    nodesOf([node]),
  );
}

/** Rollup of the whole plan. @example summarizePlan(plan).ratingDistribution.grades[0] // { grade: "A", count: 3, percent: 42.8 } */
export function summarizePlan(plan: Plan, later: ReadonlyMap<string, LaterStatus> = new Map()): Summary {
  return summarize(
    assessedNodes(plan.nodes),
    indicatorsOf(plan.nodes).map((i) => i.indicator),
    plan.nodes,
    plan,
    later,
    nodesOf(plan.nodes),
  );
}
