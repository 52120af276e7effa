/**
 * The shape of every derived number: either a value with the words a citizen reads and the rule that made it,
 * or null with the reason it cannot be computed. The API serialises these as they are.
 */
import type { IndicatorValue } from '../model.ts';

export const figureReasons = [
  'no_observation',
  'single_observation',
  'no_baseline',
  'zero_baseline',
  'no_target',
  'zero_target',
  'zero_actual',
  'target_equals_baseline',
  'opposite_signs',
  'non_positive_value',
  'different_units',
  'not_percentage',
  'no_date',
  'no_elapsed_time',
  'no_rate',
  'no_rating_scale',
  'out_of_range',
  'no_items',
  'no_budget',
  'no_settlement',
  'no_cost',
  'no_personnel_cost',
  'no_previous_year',
] as const;
export type FigureReason = (typeof figureReasons)[number];

/** The reason in Japanese, then English, as every user-facing message here. */
export const figureReasonTexts: Record<FigureReason, string> = {
  no_observation: '実績値がありません (no observation)',
  single_observation: '比べる値が1つしかありません (a single observation)',
  no_baseline: '基準値がありません (no baseline)',
  zero_baseline: '基準値が0のため計算できません (zero baseline)',
  no_target: '目標値がありません (no target)',
  zero_target: '目標値が0のため計算できません (zero target)',
  zero_actual: '実績値が0のため計算できません (zero actual value)',
  target_equals_baseline: '目標値と基準値が同じため計算できません (target equals baseline)',
  opposite_signs: '値の正負が異なるため計算できません (opposite signs)',
  non_positive_value: '0以下の値があるため成長率を計算できません (a value is zero or negative)',
  different_units: '単位が異なるため比べられません (different units)',
  not_percentage: '割合（%）の指標ではありません (not a percentage)',
  no_date: '日付のない値があります (a value has no date)',
  no_elapsed_time: '比べる2つの値の間に期間がありません (no time between the values)',
  no_rate: '達成率がないため評価できません (no achievement rate)',
  no_rating_scale: '評価基準が定められていません (no rating scale)',
  out_of_range: '値が大きすぎる・小さすぎるため計算できません (value out of range)',
  no_items: '集計する項目がありません (nothing to count)',
  no_budget: '最終予算額がありません (no final budget)',
  no_settlement: '決算額がありません (no settlement)',
  no_cost: '事業費がありません (no program cost)',
  no_personnel_cost: '人件費（金額、または人工と平均給与）がありません (no personnel cost)',
  no_previous_year: '前年度の値がありません (no value for the previous fiscal year)',
};

/** A figure that could be computed. `value` is in `unit` (percentages as 89.7, not 0.897). */
export interface ComputedFigure {
  value: number;
  unit: string;
  text: string;
  /** The rule in words, so a citizen can redo the sum: 「基準値 679万円 → 実績値 3億4,300万円」. */
  rule: string;
  /** The same rule in English, where the figure has one: "Execution rate = settlement ÷ final budget × 100". */
  ruleEn?: string;
  /** A grade or progress label attached to the value, e.g. "A" or "Target achieved". */
  label?: string;
  from?: IndicatorValue;
  to?: IndicatorValue;
}

export interface MissingFigure {
  value: null;
  reason: FigureReason;
  text: string;
  /** Never set: lets callers read `figure.label` without narrowing first. */
  label?: undefined;
}

export type FigureResult = ComputedFigure | MissingFigure;
/** Alias kept for callers who think of it as "a figure". */
export type Figure = FigureResult;

/** A null figure with its reason in words. */
export function missing(reason: FigureReason): MissingFigure {
  return { value: null, reason, text: figureReasonTexts[reason] };
}

/** Strips float noise (29.2 − 19.8 = 9.399999…) so stored values read as computed by hand. */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** A computed figure, or `out_of_range` when the arithmetic overflowed: never NaN or Infinity. */
export function computed(figure: ComputedFigure): FigureResult {
  if (!Number.isFinite(figure.value)) return missing('out_of_range');
  return { ...figure, value: clean(figure.value) };
}

/** True when the figure has a value. @example isComputed(missing('no_target')) // false */
export function isComputed(figure: FigureResult): figure is ComputedFigure {
  return figure.value !== null;
}
