/**
 * A value together with its unit: change figures compare two of these, and refuse when the units differ.
 */
import { formatAmount } from '../japanese-number.ts';
import type { IndicatorValue } from '../model.ts';

export interface Measured {
  point: IndicatorValue;
  unit: string;
}

const percentUnits = new Set(['%', '％']);

/** The value as a percentage when it is one: a % unit, or a count of a whole (61 of 68 区 → 89.7…). */
export function percentOf(m: Measured): number | null {
  if (percentUnits.has(m.unit)) return m.point.value;
  if (m.point.outOf) return (m.point.value / m.point.outOf) * 100;
  return null;
}

/** Two values are comparable when they share a unit and, for ranks, the field ranked (25位 of 812). */
export function sameUnits(a: Measured, b: Measured): boolean {
  return a.unit === b.unit && (a.point.rankOf ?? null) === (b.point.rankOf ?? null);
}

/** "679万円（<2016-04）": the value in words, with its date when known. */
export function describePoint(m: Measured): string {
  const amount = formatAmount(m.point.value, m.unit);
  const whole = m.point.outOf ? `（${formatAmount(m.point.outOf, m.unit)}中）` : '';
  const field = m.point.rankOf ? `（${m.point.rankOf}中）` : '';
  const date = m.point.date ? `［${m.point.date}］` : '';
  return `${amount}${whole}${field}${date}`;
}

/** A signed amount in its unit: "+38件", "−3,200時間". */
export function formatSignedAmount(value: number, unit: string): string {
  if (value === 0) return `±${formatAmount(0, unit)}`;
  return `${value > 0 ? '+' : '−'}${formatAmount(Math.abs(value), unit)}`;
}
