/**
 * Point scores an evaluator gave to each child of a node (an external committee's per-area scores),
 * totalled per evaluator and fiscal year on a 100-point scale.
 */
import type { Evaluation, PlanNode } from '../model.ts';
import type { FigureResult } from './figure.ts';
import { type ScoredItem, weightedScore } from './weighted-score.ts';

export interface ScoreRollup {
  evaluatorName: string;
  evaluatorKind: Evaluation['evaluatorKind'];
  fiscalYear: number | null;
  items: ScoredItem[];
  total: FigureResult;
}

/**
 * One total per evaluator and year over the children's scored evaluations.
 * @example rollupScores(plan.nodes)[0].total.text // "72.0点"
 */
export function rollupScores(children: readonly PlanNode[]): ScoreRollup[] {
  const groups = new Map<string, Omit<ScoreRollup, 'total'>>();
  for (const child of children) {
    for (const e of child.evaluations) {
      if (e.score === null || e.maxScore === null) continue;
      const key = JSON.stringify([e.evaluatorName, e.fiscalYear]);
      const group = groups.get(key) ?? {
        evaluatorName: e.evaluatorName,
        evaluatorKind: e.evaluatorKind,
        fiscalYear: e.fiscalYear,
        items: [],
      };
      // A later evaluation of the same child in the same year replaces the earlier one.
      const item = { name: child.title, score: e.score, maxScore: e.maxScore };
      const at = group.items.findIndex((i) => i.name === child.title);
      if (at >= 0) group.items[at] = item;
      else group.items.push(item);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map((g) => ({ ...g, total: weightedScore(g.items) }));
}
