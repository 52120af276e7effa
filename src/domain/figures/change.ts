/**
 * Change figures between two observations: 倍 (ratio), 増減率 (percentChange), ポイント (pointChange), 増減 (difference).
 * Each keeps the two values it used, so the page can cite both sources.
 */
import { clean, computed, type FigureResult, missing } from './figure.ts';
import { describePoint, formatSignedAmount, type Measured, percentOf, sameUnits } from './measured.ts';
import { formatPercentChange, formatPointChange, formatRatio } from './number-text.ts';

function oppositeSigns(a: number, b: number): boolean {
  return (a < 0 && b > 0) || (a > 0 && b < 0);
}

function between(from: Measured, to: Measured): string {
  return `${describePoint(from)} → ${describePoint(to)}`;
}

/** Guards shared by ratio and percentChange: same units, a non-zero base, and no change of sign. */
function divisionProblem(from: Measured, to: Measured): FigureResult | null {
  if (!sameUnits(from, to)) return missing('different_units');
  if (from.point.value === 0) return missing('zero_baseline');
  if (oppositeSigns(from.point.value, to.point.value)) return missing('opposite_signs');
  return null;
}

/** 倍: current ÷ baseline. @example ratio(679万円, 3億4300万円) // { value: 50.515…, text: "50.5倍" } */
export function ratio(from: Measured, to: Measured): FigureResult {
  const problem = divisionProblem(from, to);
  if (problem) return problem;
  const value = to.point.value / from.point.value;
  return computed({
    value,
    unit: '倍',
    text: formatRatio(value),
    rule: `倍率 = 実績 ÷ 基準（${between(from, to)}、小数第2位を四捨五入）`,
    from: from.point,
    to: to.point,
  });
}

/** 増減率: (current − baseline) ÷ |baseline|. @example percentChange(102件, 140件) // { text: "+37.3%" } */
export function percentChange(from: Measured, to: Measured): FigureResult {
  const problem = divisionProblem(from, to);
  if (problem) return problem;
  const value = ((to.point.value - from.point.value) / Math.abs(from.point.value)) * 100;
  return computed({
    value,
    unit: '%',
    text: formatPercentChange(value),
    rule: `増減率 = (実績 − 基準) ÷ ${from.point.value < 0 ? '基準の絶対値' : '基準'} × 100（${between(from, to)}）`,
    from: from.point,
    to: to.point,
  });
}

/** ポイント: difference of two percentages. @example pointChange(19.8%, 29.2%) // { text: "+9.4ポイント" } */
export function pointChange(from: Measured, to: Measured): FigureResult {
  const a = percentOf(from);
  const b = percentOf(to);
  if (a === null || b === null) return missing('not_percentage');
  const value = b - a;
  return computed({
    value,
    unit: 'ポイント',
    text: formatPointChange(value),
    rule: `ポイント差 = 実績(%) − 基準(%)（${between(from, to)}）`,
    from: from.point,
    to: to.point,
  });
}

/** 増減: current − baseline in the unit. @example difference(102件, 140件) // { text: "+38件" } */
export function difference(from: Measured, to: Measured): FigureResult {
  if (!sameUnits(from, to)) return missing('different_units');
  const value = clean(to.point.value - from.point.value);
  // A difference of two percentages is in points, whatever the stored unit says (19.8% → 29.2% is +9.4ポイント).
  const inPoints = percentOf(from) !== null && percentOf(to) !== null && !from.point.outOf;
  return computed({
    value,
    unit: inPoints ? 'ポイント' : to.unit,
    text: inPoints ? formatPointChange(value) : formatSignedAmount(value, to.unit),
    rule: `増減 = 実績 − 基準（${between(from, to)}）`,
    from: from.point,
    to: to.point,
  });
}
