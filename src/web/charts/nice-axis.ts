/**
 * Fixed y-axis bounds. ECharts sizes the axis to the series only, so a target beyond the data would fall
 * off the chart; we widen the axis to hold it and round the end to a number a tick can carry.
 */

const niceSteps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest "round" number at or above x > 0: niceCeil(29.2) → 30, niceCeil(812) → 1000. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x;
  const scale = 10 ** Math.floor(Math.log10(x));
  const fraction = x / scale;
  const step = niceSteps.find((s) => s >= fraction - 1e-9) ?? 10;
  // 2.5 × 1e-6 is 2.5000000000000003e-6 in binary; ECharts rejects such a bound, so round off the noise.
  return Number((step * scale).toPrecision(12));
}

export interface AxisBounds {
  min?: number;
  max?: number;
}

/**
 * The y-axis bounds for plotted values: from 0 (or below the lowest negative) to above the highest.
 * A rank axis runs from 1位.
 * @example niceAxisBounds([19.8, 29.2, 45], false) // { min: 0, max: 50 }
 */
export function niceAxisBounds(values: readonly number[], rank: boolean): AxisBounds {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return {};
  // A loop, not Math.max(...finite): a long series would overflow the stack as call arguments.
  let high = -Infinity;
  let low = Infinity;
  for (const value of finite) {
    if (value > high) high = value;
    if (value < low) low = value;
  }
  // A rank on the last line would sit on the category labels; a fifth more room keeps it clear.
  if (rank) return { min: 1, max: Math.max(niceCeil(high * 1.2), 5) };
  const max = high > 0 ? niceCeil(high) : 0;
  const min = low < 0 ? -niceCeil(-low) : 0;
  return max === min ? { min } : { min, max };
}
