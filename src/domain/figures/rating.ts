/**
 * A grade for one indicator: from its achievement rate by a threshold table, or from where its actual value
 * stands against target and baseline by a baseline-relative rule list.
 */
import type { RatingScale } from '../model.ts';
import { computed, type FigureResult, isComputed, missing } from './figure.ts';
import { formatRate } from './number-text.ts';
import type { RateInput } from './rate-input.ts';
import { smallerIsBetter } from './rate-input.ts';
import {
  type AnyRatingScale,
  type BaselineRelativeCondition,
  type BaselineRelativeScale,
  conditionTexts,
  describeScale,
  isBaselineRelative,
} from './rating-scale.ts';

/** The grade a rate (in percent) earns on a threshold table. @example gradeFor(89.8, defaultRatingScale) // "B" */
export function gradeFor(ratePercent: number, scale: RatingScale): { grade: string; label?: string } {
  const hit = scale.grades.find((g) => ratePercent / 100 >= g.min - 1e-12);
  return hit ?? scale.below;
}

function ratingFromRate(rate: FigureResult, scale: RatingScale): FigureResult {
  if (!isComputed(rate)) return missing('no_rate');
  const { grade, label } = gradeFor(rate.value, scale);
  return computed({
    value: rate.value,
    unit: '%',
    text: label ? `${grade}（${label}）` : grade,
    label: grade,
    rule: `${describeScale(scale)}とする評価（${scale.name}）: 達成率 ${formatRate(rate.value)}`,
  });
}

function holds(when: BaselineRelativeCondition, input: RateInput, tolerance: number): boolean | null {
  const { actual, baseline, target } = input;
  if (!actual) return null;
  const sign = smallerIsBetter(input.direction) ? -1 : 1;
  if (when === 'reached_target') return target ? sign * (actual.value - target.value) >= 0 : false;
  if (!baseline) return null;
  const gap = sign * (actual.value - baseline.value);
  if (when === 'near_baseline') return Math.abs(gap) <= tolerance * Math.abs(baseline.value);
  return when === 'better_than_baseline' ? gap > 0 : gap < 0;
}

function ratingFromBaseline(
  input: RateInput,
  rate: FigureResult,
  scale: BaselineRelativeScale,
): FigureResult {
  if (!input.actual) return missing('no_observation');
  for (const rule of scale.rules) {
    const ok = holds(rule.when, input, rule.tolerance);
    if (ok === null) return missing('no_baseline');
    if (!ok) continue;
    return computed({
      value: isComputed(rate) ? rate.value : input.actual.value,
      unit: isComputed(rate) ? '%' : input.unit,
      text: rule.label ? `${rule.grade}（${rule.label}）` : rule.grade,
      label: rule.grade,
      rule: `${describeScale(scale)}とする評価（${scale.name}）: ${conditionTexts(rule.tolerance)[rule.when]}`,
    });
  }
  return missing('no_rate');
}

/**
 * The indicator's grade on the plan's scale; `value` is the rate it was graded on.
 * @example rate(input, ratioToTarget(input), defaultRatingScale) // { label: "B", text: "B（概ね達成）" }
 */
export function rateIndicator(
  input: RateInput,
  rate: FigureResult,
  scale: AnyRatingScale | null,
): FigureResult {
  if (!scale) return missing('no_rating_scale');
  return isBaselineRelative(scale) ? ratingFromBaseline(input, rate, scale) : ratingFromRate(rate, scale);
}
