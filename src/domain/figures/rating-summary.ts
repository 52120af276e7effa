/**
 * How a set of indicators fares: how many earned each grade (with percentages that add to 100.0%)
 * and their mean achievement rate, each with the rule in words.
 */
import type { Indicator } from '../model.ts';
import { shareOfTotal } from './distribution.ts';
import { computed, type FigureResult, isComputed, missing } from './figure.ts';
import { achievementRateOf, type FiguresPlan, rateInputOf } from './indicator-figures.ts';
import { formatRate } from './number-text.ts';
import { rateIndicator } from './rating.ts';
import { defaultRatingScale, describeScale, gradesOf } from './rating-scale.ts';

export interface GradeCount {
  grade: string;
  count: number;
  /** Percent of the rated indicators, one decimal; the column adds to 100.0. */
  percent: number;
}

export interface RatingDistribution {
  grades: GradeCount[];
  rated: number;
  /** Indicators without a grade (no rate, no target…), left out of the percentages. */
  unrated: number;
  rule: string;
}

export interface IndicatorRollup {
  ratingDistribution: RatingDistribution;
  meanAchievementRate: FigureResult;
}

const formulaTexts: Record<FiguresPlan['achievementFormula'], string> = {
  ratio_to_target: '実績 ÷ 目標',
  progress_from_baseline: '(実績 − 基準) ÷ (目標 − 基準)',
  cagr: '年平均成長率の比（Open SDG 方式）',
};

/**
 * Grade counts and mean rate of indicators under a plan's formula and scale.
 * @example summarizeIndicators(indicators, plan).ratingDistribution.rule // "達成率100%以上をA、…として81指標を評価"
 */
export function summarizeIndicators(indicators: readonly Indicator[], plan: FiguresPlan): IndicatorRollup {
  const rated = indicators.map((i) => ratedUnder(i, plan));
  const rates = rated.map((r) => r.rate);
  return {
    ratingDistribution: distribution(
      indicators,
      rated.map((r) => r.rating),
      plan,
    ),
    meanAchievementRate: meanRate(rates, plan),
  };
}

interface Rated {
  plan: FiguresPlan;
  rate: FigureResult;
  rating: FigureResult;
}

// An indicator's rate and grade under the plan it was last summarised for: a plan page rolls up the plan and then
// each pillar, which would rate every indicator twice. Keyed by the indicator object, so nothing outlives the read.
const ratedIndicators = new WeakMap<Indicator, Rated>();

function ratedUnder(indicator: Indicator, plan: FiguresPlan): Rated {
  const known = ratedIndicators.get(indicator);
  if (known?.plan === plan) return known;
  const rate = achievementRateOf(indicator, plan);
  const rating = rateIndicator(rateInputOf(indicator), rate, plan.ratingScale ?? defaultRatingScale);
  const rated = { plan, rate, rating };
  ratedIndicators.set(indicator, rated);
  return rated;
}

function distribution(
  indicators: readonly Indicator[],
  ratings: FigureResult[],
  plan: FiguresPlan,
): RatingDistribution {
  const scale = plan.ratingScale ?? defaultRatingScale;
  const grades = gradesOf(scale);
  const counts = grades.map((g) => ratings.filter((r) => isComputed(r) && r.label === g).length);
  const percents = shareOfTotal(counts);
  const rated = counts.reduce((a, b) => a + b, 0);
  const unrated = indicators.length - rated;
  const excluded = unrated > 0 ? `（評価できない${unrated}指標を除く）` : '';
  return {
    grades: grades.map((grade, k) => ({ grade, count: counts[k] ?? 0, percent: percents[k] ?? 0 })),
    rated,
    unrated,
    rule: `${describeScale(scale)}として${rated}指標を評価${excluded}。割合は小数第1位に丸め、合計が100.0%になるよう端数の大きいものから0.1%ずつ足す`,
  };
}

function meanRate(rates: FigureResult[], plan: FiguresPlan): FigureResult {
  const values = rates.filter(isComputed).map((r) => r.value);
  if (values.length === 0) return missing('no_items');
  const value = values.reduce((a, b) => a + b, 0) / values.length;
  return computed({
    value,
    unit: '%',
    text: formatRate(value),
    rule: `達成率（${formulaTexts[plan.achievementFormula]}）を計算できた${values.length}指標の単純平均（全${rates.length}指標）`,
  });
}
