/**
 * The words of derived figures: 50.5倍, +9.4ポイント, −12.8%, 89.7%. Amounts in a unit go through formatAmount.
 */

const minus = '−';

/** Rounds half away from zero, as figures are rounded by hand in a report. */
export function roundTo(x: number, digits: number): number {
  const scale = 10 ** digits;
  // Numbers this large carry no decimals, and scaling them up would overflow.
  if (!Number.isFinite(x * scale)) return x;
  const rounded = Math.round(Math.abs(Number(x.toPrecision(12))) * scale) / scale;
  return x < 0 ? -rounded : rounded;
}

// One formatter per number of digits: toLocaleString with options builds a new Intl.NumberFormat on every call,
// which was half the CPU of a 300-indicator plan page (its rollups rate every indicator).
const formatters = new Map<number, Intl.NumberFormat>();

function fixed(x: number, digits: number): string {
  let formatter = formatters.get(digits);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat('ja-JP', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(digits, formatter);
  }
  return formatter.format(Math.abs(roundTo(x, digits)));
}

function signed(x: number, digits: number): string {
  const r = roundTo(x, digits);
  if (r === 0) return `±${fixed(0, digits)}`;
  return `${r > 0 ? '+' : minus}${fixed(r, digits)}`;
}

/** @example formatRatio(50.515) // "50.5倍" */
export function formatRatio(x: number): string {
  return `${x < 0 ? minus : ''}${fixed(x, 1)}倍`;
}

/** @example formatPercentChange(37.25) // "+37.3%" */
export function formatPercentChange(x: number): string {
  return `${signed(x, 1)}%`;
}

/** @example formatPointChange(9.4) // "+9.4ポイント" */
export function formatPointChange(x: number): string {
  return `${signed(x, 1)}ポイント`;
}

/** @example formatRate(89.705) // "89.7%" */
export function formatRate(x: number): string {
  return `${x < 0 ? minus : ''}${fixed(x, 1)}%`;
}
