/**
 * Percentages of a whole that add up to exactly 100.0%: the largest-remainder (Hamilton) method at one decimal.
 */

/**
 * Shares of each count in percent, one decimal, summing to 100.0 whenever any count is positive.
 * @example shareOfTotal([1, 1, 1]) // [33.4, 33.3, 33.3]
 */
export function shareOfTotal(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return counts.map(() => 0);
  const tenths = 1000;
  const quotas = counts.map((c) => (c / total) * tenths);
  const floors = quotas.map((q) => Math.floor(q));
  let left = tenths - floors.reduce((a, b) => a + b, 0);
  // Ties go to the earlier item, so the result never depends on sort stability.
  const order = quotas
    .map((q, i) => ({ i, rest: q - Math.floor(q) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors.map((f) => f / 10);
}
