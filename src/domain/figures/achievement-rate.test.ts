import { describe, expect, it } from 'vitest';
import { point } from '../../../test/helpers/figure-fixtures.ts';
import { progressFromBaseline, ratioToTarget } from './achievement-rate.ts';
import type { RateInput } from './rate-input.ts';

function input(over: Partial<RateInput>): RateInput {
  return { direction: 'increase', unit: '%', baseline: null, actual: null, target: null, ...over };
}

describe('ratioToTarget', () => {
  it('gives 審議会女性参画率 40.4% of a 45% target as 89.8%', () => {
    const r = ratioToTarget(input({ actual: point(40.4, '2019-04'), target: point(45, null) }));
    expect(r).toMatchObject({ unit: '%', text: '89.8%' });
    expect(r.value).toBeCloseTo(89.78, 2);
    expect(r.value !== null && r.rule).toContain('実績 ÷ 目標');
  });

  it('gives 小諸ふるさと市民 3,682 of 100,000 as 3.7%', () => {
    const r = ratioToTarget(input({ unit: '人', actual: point(3_682), target: point(100_000) }));
    expect(r).toMatchObject({ value: 3.682, text: '3.7%' });
  });

  it('divides target by actual for decreasing indicators and ranks', () => {
    const hours = ratioToTarget(
      input({ direction: 'decrease', unit: '時間', actual: point(125), target: point(100) }),
    );
    expect(hours).toMatchObject({ value: 80, text: '80.0%' });
    expect(hours.value !== null && hours.rule).toContain('目標 ÷ 実績');
    const rank = ratioToTarget(
      input({ direction: 'rank', unit: '位', actual: point(25), target: point(20) }),
    );
    expect(rank.value).toBe(80);
  });

  it('keeps better-than-target above 100% when the target is negative', () => {
    const better = ratioToTarget(input({ unit: '人', actual: point(-5), target: point(-10) }));
    expect(better.value).toBe(200);
    const lower = ratioToTarget(
      input({ direction: 'decrease', unit: '人', actual: point(-20), target: point(-10) }),
    );
    expect(lower.value).toBe(200);
  });

  it('counts an actual equal to the target as 100%, even a zero target', () => {
    expect(ratioToTarget(input({ direction: 'decrease', actual: point(0), target: point(0) })).value).toBe(
      100,
    );
  });

  it('is null with a reason when it cannot be computed', () => {
    expect(ratioToTarget(input({ target: point(45) }))).toMatchObject({
      value: null,
      reason: 'no_observation',
    });
    expect(ratioToTarget(input({ actual: point(40) }))).toMatchObject({ value: null, reason: 'no_target' });
    expect(ratioToTarget(input({ actual: point(4), target: point(0) }))).toMatchObject({
      reason: 'zero_target',
    });
    expect(ratioToTarget(input({ actual: point(-4), target: point(10) }))).toMatchObject({
      reason: 'opposite_signs',
    });
    expect(
      ratioToTarget(input({ direction: 'decrease', actual: point(0), target: point(10) })),
    ).toMatchObject({
      reason: 'zero_actual',
    });
  });
});

describe('progressFromBaseline', () => {
  it('measures the way from baseline to target: 19.8% → 29.2% of the way to 30%', () => {
    const r = progressFromBaseline(input({ baseline: point(19.8), actual: point(29.2), target: point(30) }));
    expect(r.text).toBe('92.2%');
  });

  it('works for a falling indicator too', () => {
    const r = progressFromBaseline(
      input({ direction: 'decrease', baseline: point(200), actual: point(150), target: point(100) }),
    );
    expect(r.value).toBe(50);
  });

  it('is null without a baseline or when the target equals it', () => {
    expect(progressFromBaseline(input({ actual: point(1), target: point(2) }))).toMatchObject({
      reason: 'no_baseline',
    });
    expect(
      progressFromBaseline(input({ baseline: point(2), actual: point(1), target: point(2) })),
    ).toMatchObject({
      reason: 'target_equals_baseline',
    });
    expect(progressFromBaseline(input({ baseline: point(2), target: point(3) }))).toMatchObject({
      reason: 'no_observation',
    });
    expect(progressFromBaseline(input({ baseline: point(2), actual: point(3) }))).toMatchObject({
      reason: 'no_target',
    });
  });

  it('is out_of_range, not NaN, when the differences overflow', () => {
    const huge = input({ baseline: point(1.7e308), actual: point(-1.7e308), target: point(-1e308) });
    expect(progressFromBaseline(huge)).toMatchObject({ value: null, reason: 'out_of_range' });
  });
});
