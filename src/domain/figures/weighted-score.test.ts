import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedScore } from './weighted-score.ts';

describe('weightedScore', () => {
  it('adds scores out of their own maxima and scales the total to 100', () => {
    // (8 + 6) ÷ (10 + 10) × 100 = 70.
    const r = weightedScore([
      { name: '甲', score: 8, maxScore: 10 },
      { name: '乙', score: 6, maxScore: 10 },
    ]);
    expect(r).toMatchObject({ value: 70, unit: '点', text: '70.0点' });
    expect(r.value !== null && r.rule).toContain('甲 8/10点');
  });

  it('is null for no items and for a score outside 0..max', () => {
    expect(weightedScore([])).toMatchObject({ value: null, reason: 'no_items' });
    expect(weightedScore([{ name: '甲', score: 11, maxScore: 10 }])).toMatchObject({
      reason: 'out_of_range',
    });
    expect(weightedScore([{ name: '甲', score: -1, maxScore: 10 }])).toMatchObject({
      reason: 'out_of_range',
    });
    expect(weightedScore([{ name: '甲', score: 0, maxScore: 0 }])).toMatchObject({ reason: 'out_of_range' });
  });

  it('stays within 0..100 and finite for any numbers', () => {
    const item = fc.record({ name: fc.string(), score: fc.double(), maxScore: fc.double() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const r = weightedScore(items);
        if (r.value === null) return;
        expect(Number.isFinite(r.value)).toBe(true);
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(100);
      }),
    );
  });
});
