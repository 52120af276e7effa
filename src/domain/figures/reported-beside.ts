/**
 * A figure as a source printed it, set beside what the engine computes from the parts: never copied, never
 * hidden. They agree when the computed value, rounded as the print is rounded, is the printed one.
 */

import type { FigureResult } from './figure.ts';
import { roundTo } from './number-text.ts';

/** The printed side: its value in its unit and its words. */
export interface Printed {
  value: number;
  unit: string;
  text: string;
}

export interface ReportedBeside<P extends Printed = Printed> {
  computed: FigureResult;
  reported: P | null;
  /** null when either side is missing. */
  agrees: boolean | null;
  /** Computed − reported, in the computed figure's unit; null when either side is missing. */
  difference: number | null;
  rule: string;
  ruleEn: string;
}

const unitScale: Record<string, number> = { 円: 1, 千円: 1000, 万円: 10_000, 百万円: 1_000_000 };

/** Half the last printed digit, in the computed unit: 「15,400千円」 → 500 (yen); 「95.0%」 → 0.05. */
export function printedTolerance(printed: Printed): number {
  const numbers = printed.text.replace(/,/g, '').match(/\d+(?:\.(\d+))?/g) ?? [];
  const last = numbers.at(-1) ?? '';
  const decimals = last.includes('.') ? (last.split('.')[1]?.length ?? 0) : 0;
  const shownIn = Object.keys(unitScale)
    .sort((a, b) => b.length - a.length)
    .find((u) => printed.text.includes(u));
  const scale = shownIn ? (unitScale[shownIn] ?? 1) : 1;
  return 0.5 * 10 ** -decimals * scale;
}

/**
 * Both sides, whether they agree and by how much they differ.
 * @example besideReported(executionRate(sheet) /* 95.0 *\/, { value: 95, unit: '%', text: '95.0%' }).agrees // true
 */
export function besideReported<P extends Printed>(
  computed: FigureResult,
  reported: P | null,
): ReportedBeside<P> {
  const rule = '公表値は印刷どおりに保存し、計算値を印刷の桁で丸めて比べる';
  const ruleEn =
    'The published figure is kept as printed; the computed one is compared at the printed precision';
  if (reported === null || computed.value === null)
    return { computed, reported, agrees: null, difference: null, rule, ruleEn };
  const inComputedUnit = reported.value * ((unitScale[reported.unit] ?? 1) / (unitScale[computed.unit] ?? 1));
  const difference = roundTo(computed.value - inComputedUnit, 6);
  // The tolerance is half a printed digit, plus float noise.
  const agrees = Math.abs(difference) <= printedTolerance(reported) + 1e-9;
  return { computed, reported, agrees, difference, rule, ruleEn };
}
