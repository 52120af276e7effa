/**
 * The rollup of a year's evaluations: how many programs go each way (改善 n, 廃止 n …) in the organization's own
 * words and order, how many count as 見直し, and the total carried into next year's budget. Each program counts
 * once, by its deciding stage: 最終判断, else 二次評価, else 外部評価, else 一次評価.
 */
import { defaultNextSteps } from '../evaluation-vocabulary.ts';
import { formatAmount } from '../japanese-number.ts';
import type { Evaluation, EvaluationStage, NextStepDefinition } from '../model.ts';
import { computed, type FigureResult, missing } from './figure.ts';
import { formatRate } from './number-text.ts';

/** Stages by how much their word counts, the deciding one first. */
export const decidingStageOrder: readonly EvaluationStage[] = ['final', 'second', 'external', 'first'];

export interface EvaluatedItem {
  id: string;
  evaluations: readonly Evaluation[];
}

export interface DirectionCount extends NextStepDefinition {
  count: number;
}

export interface DirectionRollup {
  fiscalYear: number;
  /** Items with a deciding evaluation that names a direction. */
  decided: number;
  /** Items without one. */
  undecided: number;
  counts: DirectionCount[];
  /** Codes not in the vocabulary, with their counts, so nothing is dropped silently. */
  unknown: { code: string; count: number }[];
  /** 見直し: the count of directions that count as review, and its share of the decided. */
  review: FigureResult;
  /** Σ 予算への反映 amounts of the deciding evaluations that state one, in yen. */
  budgetEffect: FigureResult;
  rule: string;
  ruleEn: string;
}

/** The evaluation whose direction counts for the item that year, or null. */
export function decidingEvaluation(
  evaluations: readonly Evaluation[],
  fiscalYear: number,
): Evaluation | null {
  const ofYear = evaluations.filter((e) => e.fiscalYear === fiscalYear && e.nextStep !== null);
  for (const stage of decidingStageOrder) {
    const found = ofYear.find((e) => e.stage === stage);
    if (found) return found;
  }
  return ofYear.find((e) => e.stage === null) ?? null;
}

/**
 * Counts the year's directions.
 * @example directionRollup(programs, 2023).counts.find((c) => c.code === 'improve')?.count // 12
 */
export function directionRollup(
  items: readonly EvaluatedItem[],
  fiscalYear: number,
  vocabulary: readonly NextStepDefinition[] = defaultNextSteps,
): DirectionRollup {
  const deciding = items.map((item) => decidingEvaluation(item.evaluations, fiscalYear));
  const chosen = deciding.filter((e): e is Evaluation => e !== null);
  const tally = new Map<string, number>();
  for (const e of chosen) tally.set(e.nextStep as string, (tally.get(e.nextStep as string) ?? 0) + 1);
  const counts = vocabulary.map((v) => ({ ...v, count: tally.get(v.code) ?? 0 }));
  const known = new Set(vocabulary.map((v) => v.code));
  const unknown = [...tally].filter(([code]) => !known.has(code)).map(([code, count]) => ({ code, count }));
  const reviewWords = vocabulary.filter((v) => v.countsAsReview);
  const reviewCount = counts.filter((c) => c.countsAsReview).reduce((sum, c) => sum + c.count, 0);
  const review =
    chosen.length === 0
      ? missing('no_items')
      : computed({
          value: reviewCount,
          unit: '件',
          text: `${reviewCount}件（${formatRate((reviewCount / chosen.length) * 100)}）`,
          rule: `見直し = ${reviewWords.map((v) => v.label).join('・')}の件数（方向性が決まった${chosen.length}件のうち）`,
          ruleEn: `Review = programs directed to ${reviewWords.map((v) => v.labelEn).join(', ')} (of ${chosen.length} with a direction)`,
        });
  const amounts = chosen.flatMap((e) => (e.budgetEffect?.amount == null ? [] : [e.budgetEffect.amount]));
  const total = amounts.reduce((sum, a) => sum + a, 0);
  const budgetEffect =
    amounts.length === 0
      ? missing('no_items')
      : computed({
          value: total,
          unit: '円',
          text: formatAmount(total, '円'),
          rule: `予算への反映額の合計（金額を示した${amounts.length}件の和）`,
          ruleEn: `Sum of the budget effects of the ${amounts.length} programs that state an amount`,
        });
  return {
    fiscalYear,
    decided: chosen.length,
    undecided: items.length - chosen.length,
    counts,
    unknown,
    review,
    budgetEffect,
    rule: '各事業を1件と数え、最終判断・二次評価・外部評価・一次評価の順に最初にある段階の方向性をとる',
    ruleEn: 'Each program counts once, by its final decision, else its second, external or first evaluation',
  };
}

/**
 * The share of items whose deciding evaluation has the grade, e.g. 「A評価54.4%」, beside the published one.
 * @example gradeShare(programs, 2023, 'A').text // "54.4%"
 */
export function gradeShare(items: readonly EvaluatedItem[], fiscalYear: number, grade: string): FigureResult {
  const graded = items
    .map((item) => {
      const ofYear = item.evaluations.filter((e) => e.fiscalYear === fiscalYear && e.grade !== null);
      for (const stage of decidingStageOrder) {
        const found = ofYear.find((e) => e.stage === stage);
        if (found) return found;
      }
      return ofYear[0] ?? null;
    })
    .filter((e): e is Evaluation => e !== null);
  if (graded.length === 0) return missing('no_items');
  const hits = graded.filter((e) => e.grade === grade).length;
  const value = (hits / graded.length) * 100;
  return computed({
    value,
    unit: '%',
    text: formatRate(value),
    rule: `${grade}評価の割合 = ${grade}評価 ${hits}件 ÷ 評価済み ${graded.length}件 × 100（${fiscalYear}年度）`,
    ruleEn: `Share graded ${grade} = ${hits} ÷ ${graded.length} graded × 100 (FY${fiscalYear})`,
  });
}
