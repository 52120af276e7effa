/**
 * Rating scales a plan may choose (model.ts `PlanRatingScale`): threshold tables (A–D, S–D, ◎○△×), or
 * baseline-relative rules that grade by where the actual value stands against target and baseline.
 */
import type {
  BaselineRelativeScale,
  baselineRelativeConditions,
  PlanRatingScale,
  RatingScale,
} from '../model.ts';

export type BaselineRelativeCondition = (typeof baselineRelativeConditions)[number];
export type { BaselineRelativeScale };
export type AnyRatingScale = PlanRatingScale;

/** True for rule lists, false for threshold tables. @example isBaselineRelative(defaultRatingScale) // false */
export function isBaselineRelative(scale: AnyRatingScale): scale is BaselineRelativeScale {
  return scale.kind === 'baseline_relative';
}

/** The default table: A ≥ 100%, B ≥ 80%, C ≥ 50%, D below (rates as fractions, as the model stores them). */
export const defaultRatingScale: RatingScale = {
  name: 'A-D',
  grades: [
    { grade: 'A', min: 1, label: '達成' },
    { grade: 'B', min: 0.8, label: '概ね達成' },
    { grade: 'C', min: 0.5, label: '一部達成' },
  ],
  below: { grade: 'D', label: '未達成' },
};

/** Every grade of a scale, best first: the order of distribution tables. */
export function gradesOf(scale: AnyRatingScale): string[] {
  const grades = isBaselineRelative(scale)
    ? scale.rules.map((r) => r.grade)
    : [...scale.grades.map((g) => g.grade), scale.below.grade];
  return [...new Set(grades)];
}

// Each scale's words, written once: every rated indicator's rule repeats them, 300 times on a national plan page.
// Keyed by the scale object, which no caller changes after reading it.
const scaleWords = new WeakMap<AnyRatingScale, string>();

/** 「達成率100%以上をA、80%以上をB、50%以上をC、それ未満をD」 */
export function describeScale(scale: AnyRatingScale): string {
  const known = scaleWords.get(scale);
  if (known !== undefined) return known;
  const words = isBaselineRelative(scale)
    ? scale.rules.map((r) => `${conditionTexts(r.tolerance)[r.when]}を${r.grade}`).join('、')
    : `達成率${scale.grades.map((g) => `${percentText(g.min)}以上を${g.grade}`).join('、')}、それ未満を${scale.below.grade}`;
  scaleWords.set(scale, words);
  return words;
}

function percentText(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}

/** Each condition in words. @example conditionTexts(0.1).near_baseline // "基準値の±10%以内のもの" */
export function conditionTexts(tolerance: number): Record<BaselineRelativeCondition, string> {
  return {
    reached_target: '目標値に達したもの',
    better_than_baseline: '基準値より改善したもの',
    near_baseline: `基準値の±${percentText(tolerance)}以内のもの`,
    worse_than_baseline: '基準値より悪化したもの',
  };
}
