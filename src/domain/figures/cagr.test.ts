import { describe, expect, it } from 'vitest';
import { point } from '../../../test/helpers/figure-fixtures.ts';
import { cagrProgress, targetAchievedLabel, yearsBetween } from './cagr.ts';
import type { RateInput } from './rate-input.ts';

function input(over: Partial<RateInput>): RateInput {
  return { direction: 'increase', unit: '人', baseline: null, actual: null, target: null, ...over };
}

describe('yearsBetween', () => {
  it('counts whole years and months exactly', () => {
    expect(yearsBetween(point(1, '2015'), point(1, '2017'))).toBe(2);
    expect(yearsBetween(point(1, 'FY2016'), point(1, '2020-01'))).toBe(3.75);
    expect(yearsBetween(point(1, null), point(1, '2020'))).toBeNull();
  });
});

describe('cagrProgress with a target', () => {
  // Observed: 100 → 121 over 2 years = 10%/year. Required: 100 → 150 over 5 years = 1.5^(1/5) − 1 ≈ 8.447%/year.
  const base = { baseline: point(100, '2015'), target: point(150, '2020') };

  it('compares observed with required growth and labels it On track at R ≥ 95%', () => {
    const r = cagrProgress(input({ ...base, actual: point(121, '2017') }));
    expect(r.value).toBeCloseTo((0.1 / (1.5 ** 0.2 - 1)) * 100, 6);
    expect(r).toMatchObject({ label: '順調 (On track)' });
  });

  it('labels slower growth as needing acceleration, little growth as limited, and a fall as deterioration', () => {
    // 100 → 110.25 over 2 years = 5%/year, R ≈ 59.2% → limited; 100 → 112.36 = 6%/year, R ≈ 71% → acceleration.
    expect(cagrProgress(input({ ...base, actual: point(112.36, '2017') })).label).toContain('acceleration');
    expect(cagrProgress(input({ ...base, actual: point(110.25, '2017') })).label).toContain('Limited');
    expect(cagrProgress(input({ ...base, actual: point(90, '2017') })).label).toContain('Deterioration');
  });

  it('says Target achieved once the target is reached', () => {
    expect(cagrProgress(input({ ...base, actual: point(160, '2019') })).label).toBe(targetAchievedLabel);
  });

  it('reverses the direction for decreasing indicators', () => {
    const r = cagrProgress(
      input({
        direction: 'decrease',
        baseline: point(100, '2015'),
        actual: point(81, '2017'),
        target: point(50, '2020'),
      }),
    );
    // Observed −10%/year, required 0.5^(1/5) − 1 ≈ −12.94%/year: R = 10 ÷ 12.94 ≈ 77.3%.
    expect(r.value).toBeCloseTo((0.1 / (1 - 0.5 ** 0.2)) * 100, 6);
  });
});

describe('cagrProgress without a target', () => {
  it('gives the annual growth itself against the fixed 1.5% / 0.5% / 0% thresholds', () => {
    const r = cagrProgress(input({ baseline: point(100, '2015'), actual: point(104.04, '2017') }));
    expect(r).toMatchObject({ text: '年率+2.0%', label: '順調 (On track)' });
    // 100 → 101.5 over 2 years ≈ 0.75%/year: between 0.5% and 1.5%.
    const slow = cagrProgress(input({ baseline: point(100, '2015'), actual: point(101.5, '2017') }));
    expect(slow.label).toContain('acceleration');
  });
});

describe('cagrProgress reasons', () => {
  it('is null without dates, without time between, or with a non-positive value', () => {
    expect(cagrProgress(input({ baseline: point(100), actual: point(120, '2017') }))).toMatchObject({
      reason: 'no_date',
    });
    expect(cagrProgress(input({ baseline: point(100, '2017'), actual: point(120, '2017') }))).toMatchObject({
      reason: 'no_elapsed_time',
    });
    expect(cagrProgress(input({ baseline: point(0, '2015'), actual: point(120, '2017') }))).toMatchObject({
      reason: 'non_positive_value',
    });
    expect(cagrProgress(input({ actual: point(120, '2017') }))).toMatchObject({ reason: 'no_baseline' });
    expect(cagrProgress(input({ baseline: point(1, '2015') }))).toMatchObject({ reason: 'no_observation' });
  });

  it('is null when the target equals the baseline and is not yet reached', () => {
    const r = cagrProgress(
      input({ baseline: point(100, '2015'), actual: point(90, '2017'), target: point(100, '2020') }),
    );
    expect(r).toMatchObject({ reason: 'target_equals_baseline' });
  });
});
