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
  'no_direction',
] as const;
export type FigureReason = (typeof figureReasons)[number];

/** The reason in plain words per language, for pages: a Japanese page shows no English in brackets. */
export const figureReasonWords: Record<FigureReason, { ja: string; en: string }> = {
  no_observation: { ja: '実績値がありません', en: 'No observation' },
  single_observation: { ja: '比べる値が1つしかありません', en: 'A single observation' },
  no_baseline: { ja: '基準値がありません', en: 'No baseline' },
  zero_baseline: { ja: '基準値が0のため計算できません', en: 'Zero baseline' },
  no_target: { ja: '目標値がありません', en: 'No target' },
  zero_target: { ja: '目標値が0のため計算できません', en: 'Zero target' },
  zero_actual: { ja: '実績値が0のため計算できません', en: 'Zero actual value' },
  target_equals_baseline: { ja: '目標値と基準値が同じため計算できません', en: 'Target equals baseline' },
  opposite_signs: { ja: '値の正負が異なるため計算できません', en: 'Opposite signs' },
  non_positive_value: { ja: '0以下の値があるため成長率を計算できません', en: 'A value is zero or negative' },
  different_units: { ja: '単位が異なるため比べられません', en: 'Different units' },
  not_percentage: { ja: '割合（%）の指標ではありません', en: 'Not a percentage' },
  no_date: { ja: '日付のない値があります', en: 'A value has no date' },
  no_elapsed_time: { ja: '比べる2つの値の間に期間がありません', en: 'No time between the values' },
  no_rate: { ja: '達成率がないため評価できません', en: 'No achievement rate' },
  no_rating_scale: { ja: '評価基準が定められていません', en: 'No rating scale' },
  out_of_range: { ja: '値が大きすぎる・小さすぎるため計算できません', en: 'Value out of range' },
  no_items: { ja: '集計する項目がありません', en: 'Nothing to count' },
  no_budget: { ja: '最終予算額がありません', en: 'No final budget' },
  no_settlement: { ja: '決算額がありません', en: 'No settlement' },
  no_cost: { ja: '事業費がありません', en: 'No program cost' },
  no_personnel_cost: { ja: '人件費（金額、または人工と平均給与）がありません', en: 'No personnel cost' },
  no_previous_year: { ja: '前年度の値がありません', en: 'No value for the previous fiscal year' },
  no_direction: { ja: '目指す方向（増加・減少）の記載がありません', en: 'No direction stated' },
};

/** The reason in Japanese, then English, as every user-facing message here (the API's `text`). */
export const figureReasonTexts = Object.fromEntries(
  Object.entries(figureReasonWords).map(([reason, w]) => [
    reason,
    `${w.ja} (${w.en.charAt(0).toLowerCase()}${w.en.slice(1)})`,
  ]),
) as Record<FigureReason, string>;

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
