/**
 * 達成率 by the two target formulas of Japanese 行政評価 sheets. The CAGR measure lives in cagr.ts.
 */
import { computed, type FigureResult, missing } from './figure.ts';
import { describePoint } from './measured.ts';
import { formatRate } from './number-text.ts';
import { directionTexts, type RateInput, smallerIsBetter } from './rate-input.ts';

function oppositeSigns(a: number, b: number): boolean {
  return (a < 0 && b > 0) || (a > 0 && b < 0);
}

/** The division that puts "better" above 100%, whatever the direction and the sign of the target. */
function targetDivision(actual: number, target: number, smallerBetter: boolean): number | 'zero_actual' {
  // With a negative target the quotient's meaning flips, so the operands swap to keep "better" above 100%.
  const actualOverTarget = smallerBetter ? target < 0 : target > 0;
  if (actualOverTarget) return actual / target;
  if (actual === 0) return 'zero_actual';
  return target / actual;
}

/**
 * 実績 ÷ 目標 (減少・順位の指標は 目標 ÷ 実績), in percent.
 * @example ratioToTarget({ direction: 'increase', actual: 40.4%, target: 45%, … }) // { value: 89.77…, text: "89.8%" }
 */
export function ratioToTarget(input: RateInput): FigureResult {
  const { actual, target, direction } = input;
  if (!actual) return missing('no_observation');
  if (!target) return missing('no_target');
  const smallerBetter = smallerIsBetter(direction);
  const formula = smallerBetter ? '目標 ÷ 実績' : '実績 ÷ 目標';
  let value: number;
  if (actual.value === target.value) value = 1;
  // Against a zero target only "not yet down to zero" reads as a rate (0%); anything else has no ratio.
  else if (target.value === 0) {
    if (!(smallerBetter && actual.value > 0)) return missing('zero_target');
    value = 0;
  } else if (oppositeSigns(actual.value, target.value)) return missing('opposite_signs');
  else {
    const q = targetDivision(actual.value, target.value, smallerBetter);
    if (q === 'zero_actual') return missing('zero_actual');
    value = q;
  }
  const m = (point: typeof actual) => describePoint({ point, unit: input.unit });
  return computed({
    value: value * 100,
    unit: '%',
    text: formatRate(value * 100),
    rule: `達成率 = ${formula} × 100（${directionTexts[direction]}。実績 ${m(actual)}、目標 ${m(target)}）`,
    from: target,
    to: actual,
  });
}

/**
 * (実績 − 基準) ÷ (目標 − 基準), in percent; works for either direction.
 * @example progressFromBaseline({ baseline: 19.8, actual: 29.2, target: 30, … }) // { value: 92.15…, text: "92.2%" }
 */
export function progressFromBaseline(input: RateInput): FigureResult {
  const { actual, target, baseline } = input;
  if (!actual) return missing('no_observation');
  if (!target) return missing('no_target');
  if (!baseline) return missing('no_baseline');
  if (target.value === baseline.value) return missing('target_equals_baseline');
  const value =
    actual.value === target.value
      ? 100
      : ((actual.value - baseline.value) / (target.value - baseline.value)) * 100;
  const m = (point: typeof actual) => describePoint({ point, unit: input.unit });
  return computed({
    value,
    unit: '%',
    text: formatRate(value),
    rule: `達成率 = (実績 − 基準) ÷ (目標 − 基準) × 100（基準 ${m(baseline)}、実績 ${m(actual)}、目標 ${m(target)}）`,
    from: baseline,
    to: actual,
  });
}
