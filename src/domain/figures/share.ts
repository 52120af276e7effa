/**
 * Figures of a single value against its whole: a count of a total (61 of 68 区) or a place in a ranking (25位 of 812).
 */
import { computed, type FigureResult, missing } from './figure.ts';
import { describePoint, type Measured } from './measured.ts';
import { formatRate } from './number-text.ts';

/** 割合 = 値 ÷ 全体. @example share({ point: { value: 61, outOf: 68, … }, unit: '区' }).text // "89.7%" */
export function share(m: Measured): FigureResult {
  const whole = m.point.outOf;
  if (!whole) return missing('not_percentage');
  const value = (m.point.value / whole) * 100;
  return computed({
    value,
    unit: '%',
    text: formatRate(value),
    rule: `割合 = 値 ÷ 全体 × 100（${describePoint(m)}）`,
    to: m.point,
  });
}

/** 上位 = 順位 ÷ 対象数. @example standing({ point: { value: 25, rankOf: 812, … }, unit: '位' }).text // "812中25位（上位3.1%）" */
export function standing(m: Measured): FigureResult {
  const field = m.point.rankOf;
  if (!field) return missing('not_percentage');
  const value = (m.point.value / field) * 100;
  return computed({
    value,
    unit: '%',
    text: `${field}中${m.point.value}位（上位${formatRate(value)}）`,
    rule: `上位の割合 = 順位 ÷ 対象数 × 100（${describePoint(m)}）`,
    to: m.point,
  });
}
