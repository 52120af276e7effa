import { describe, expect, it } from 'vitest';
import { point } from '../../../test/helpers/figure-fixtures.ts';
import type { RatingScale } from '../model.ts';
import { computed, missing } from './figure.ts';
import type { RateInput } from './rate-input.ts';
import { gradeFor, rateIndicator } from './rating.ts';
import { type BaselineRelativeScale, defaultRatingScale, describeScale, gradesOf } from './rating-scale.ts';

const rate = (value: number) => computed({ value, unit: '%', text: `${value}%`, rule: 'test' });
const input: RateInput = { direction: 'increase', unit: '%', baseline: null, actual: point(1), target: null };

const sToD: RatingScale = {
  name: 'S-D',
  grades: [
    { grade: 'S', min: 1.2 },
    { grade: 'A', min: 1 },
    { grade: 'B', min: 0.8 },
    { grade: 'C', min: 0.6 },
  ],
  below: { grade: 'D' },
};
const tight: RatingScale = {
  name: 'A-D（90/80）',
  grades: [
    { grade: 'A', min: 1 },
    { grade: 'B', min: 0.9 },
    { grade: 'C', min: 0.8 },
  ],
  below: { grade: 'D' },
};
const symbols: RatingScale = {
  name: '◎○△×',
  grades: [
    { grade: '◎', min: 1 },
    { grade: '○', min: 0.8 },
    { grade: '△', min: 0.5 },
  ],
  below: { grade: '×' },
};

describe('threshold tables', () => {
  it('grade by the default A ≥ 100%, B ≥ 80%, C ≥ 50%, D below', () => {
    expect([100, 99.9, 80, 79.9, 50, 49.9, 0].map((r) => gradeFor(r, defaultRatingScale).grade)).toEqual([
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
    ]);
  });

  it('grade 審議会女性参画率 89.8% as B on the default table and C on the 90/80 table', () => {
    expect(gradeFor(89.78, defaultRatingScale).grade).toBe('B');
    expect(gradeFor(89.78, tight).grade).toBe('C');
    expect(gradeFor(90, tight).grade).toBe('B');
  });

  it('grade S at 120% on an S–D table and ◎○△× symbols alike', () => {
    expect(gradeFor(120, sToD).grade).toBe('S');
    expect(gradeFor(119, sToD).grade).toBe('A');
    expect(gradeFor(59, sToD).grade).toBe('D');
    expect(gradeFor(85, symbols).grade).toBe('○');
    expect(gradeFor(10, symbols).grade).toBe('×');
  });

  it('say their rule in words', () => {
    expect(describeScale(defaultRatingScale)).toBe('達成率100%以上をA、80%以上をB、50%以上をC、それ未満をD');
    expect(gradesOf(sToD)).toEqual(['S', 'A', 'B', 'C', 'D']);
  });
});

describe('rateIndicator', () => {
  it('returns the grade as label and the rate graded as value', () => {
    const r = rateIndicator(input, rate(89.78), defaultRatingScale);
    expect(r).toMatchObject({ value: 89.78, label: 'B', text: 'B（概ね達成）' });
    expect(r.value !== null && r.rule).toContain('達成率100%以上をA');
  });

  it('is null without a scale or without a rate', () => {
    expect(rateIndicator(input, rate(50), null)).toMatchObject({ value: null, reason: 'no_rating_scale' });
    expect(rateIndicator(input, missing('no_target'), defaultRatingScale)).toMatchObject({
      reason: 'no_rate',
    });
  });
});

describe('baseline-relative rules', () => {
  const scale: BaselineRelativeScale = {
    kind: 'baseline_relative',
    name: '基準値比較',
    rules: [
      { when: 'reached_target', grade: 'a', label: '目標達成', tolerance: 0.1 },
      { when: 'near_baseline', grade: 'c', label: '横ばい', tolerance: 0.1 },
      { when: 'better_than_baseline', grade: 'b', label: '改善', tolerance: 0.1 },
      { when: 'worse_than_baseline', grade: 'd', label: '悪化', tolerance: 0.1 },
    ],
  };
  const at = (actual: number, direction: RateInput['direction'] = 'increase'): RateInput => ({
    direction,
    unit: '%',
    baseline: point(100),
    actual: point(actual),
    target: point(150),
  });

  it('grade above target, within ±10% of baseline, above baseline, below baseline', () => {
    const grades = [150, 105, 95, 120, 80].map(
      (v) => rateIndicator(at(v), missing('no_target'), scale).label,
    );
    expect(grades).toEqual(['a', 'c', 'c', 'b', 'd']);
  });

  it('turn around for decreasing indicators', () => {
    const fall = { ...at(80, 'decrease'), target: point(50) };
    expect(rateIndicator(fall, missing('no_target'), scale).label).toBe('b');
  });

  it('are null without a baseline', () => {
    const noBase = { ...at(120), baseline: null };
    expect(rateIndicator(noBase, missing('no_target'), scale)).toMatchObject({ reason: 'no_baseline' });
  });

  it('say their rule in words', () => {
    expect(describeScale(scale)).toBe(
      '目標値に達したものをa、基準値の±10%以内のものをc、基準値より改善したものをb、基準値より悪化したものをd',
    );
  });
});
