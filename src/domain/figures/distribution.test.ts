import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareOfTotal } from './distribution.ts';

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10;

describe('shareOfTotal', () => {
  it('gives thirds as 33.4 / 33.3 / 33.3, the spare tenth to the first tie', () => {
    expect(shareOfTotal([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
  });

  it('gives the remainder to the largest fraction, not the largest count', () => {
    // 2/7 = 28.571…, 5/7 = 71.428…: floors 285 + 714 = 999 tenths; .71 beats .28.
    expect(shareOfTotal([2, 5])).toEqual([28.6, 71.4]);
  });

  it('gives all zeros for an empty or all-zero table', () => {
    expect(shareOfTotal([])).toEqual([]);
    expect(shareOfTotal([0, 0])).toEqual([0, 0]);
  });

  it('always sums to 100.0 when any count is positive', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 12 }), (counts) => {
        fc.pre(counts.some((c) => c > 0));
        const shares = shareOfTotal(counts);
        expect(Math.abs(sum(shares) - 100)).toBeLessThanOrEqual(0.1);
        expect(shares.every((s) => s >= 0 && s <= 100)).toBe(true);
      }),
    );
  });
});
