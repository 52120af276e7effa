/**
 * Properties that hold for any stored numbers: no NaN or Infinity anywhere, and achievement rates that move
 * the right way as the actual value moves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicator, point } from '../../../test/helpers/figure-fixtures.ts';
import { achievementFormulas, directions, type RatingScale } from '../model.ts';
import { figureObservations } from '../plan-tree.ts';
import { ratioToTarget } from './achievement-rate.ts';
import type { FigureResult } from './figure.ts';
import { indicatorFigures } from './indicator-figures.ts';
import { defaultRatingScale } from './rating-scale.ts';

const edgy = fc.constantFrom(0, -0, 1, -1, 5e-324, -5e-324, 1e-300, 1e300, 1.7e308, -1.7e308, 0.1, 100);
const anyNumber = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), edgy);
const date = fc.constantFrom(null, '<2016-04', 'FY2015', '2019', '2019-04', '2020-01-15', '2021-autumn');
const valuePoint = fc
  .record({
    value: anyNumber,
    date,
    outOf: fc.option(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), { nil: null }),
    rankOf: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: null }),
  })
  .map(({ value, date: d, outOf, rankOf }) => point(value, d, { outOf, rankOf }));
const unit = fc.constantFrom('%', '円', '件', '位');
const scale: fc.Arbitrary<RatingScale | null> = fc.constantFrom(null, defaultRatingScale);

function allFinite(figures: FigureResult[]): void {
  for (const f of figures) {
    if (f.value !== null) expect(Number.isFinite(f.value)).toBe(true);
    expect(f.text).not.toMatch(/NaN|Infinity|∞/);
  }
}

describe('figures for any numbers', () => {
  it('are never NaN or Infinity, and their texts never say so', () => {
    fc.assert(
      fc.property(
        fc.record({
          unit,
          direction: fc.constantFrom(...directions),
          baseline: fc.option(valuePoint, { nil: null }),
          target: fc.option(valuePoint, { nil: null }),
          observations: fc.array(valuePoint, { maxLength: 3 }),
          formula: fc.constantFrom(...achievementFormulas),
          scale,
        }),
        ({ formula, scale: ratingScale, ...rest }) => {
          const f = indicatorFigures(indicator({ name: 'x', ...rest }), {
            achievementFormula: formula,
            ratingScale,
          });
          allFinite([
            f.ratio,
            f.percentChange,
            f.pointChange,
            f.difference,
            f.achievementRate,
            f.rating,
            f.share,
            f.standing,
          ]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('figureObservations', () => {
  it('keeps every observation a figure reads: figures from the few equal figures from all', () => {
    const dated = fc.constantFrom(
      null,
      'FY2015',
      '2019',
      '2019-04',
      '2019-04',
      'FY2019',
      '2019-autumn',
      '<2020-01',
    );
    const observation = fc
      .record({ value: anyNumber, date: dated })
      .map(({ value, date: d }) => point(value, d));
    fc.assert(
      fc.property(
        fc.array(observation, { maxLength: 12 }),
        fc.option(valuePoint, { nil: null }),
        fc.constantFrom(...achievementFormulas),
        (observations, target, formula) => {
          const plan = { achievementFormula: formula, ratingScale: null };
          const whole = indicator({ name: 'x', unit: '%', direction: 'increase', target, observations });
          const few = { ...whole, observations: figureObservations(whole.observations) };
          expect(few.observations.length).toBeLessThanOrEqual(4);
          expect(indicatorFigures(few, plan)).toEqual(indicatorFigures(whole, plan));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('ratio_to_target', () => {
  it('never falls as the actual value rises for increasing indicators, never rises for decreasing ones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...directions),
        anyNumber,
        anyNumber,
        anyNumber,
        (direction, target, x, y) => {
          const [a, b] = x <= y ? [x, y] : [y, x];
          const rate = (actual: number) =>
            ratioToTarget({
              direction,
              unit: '件',
              baseline: null,
              actual: point(actual),
              target: point(target),
            }).value;
          const [ra, rb] = [rate(a), rate(b)];
          if (ra === null || rb === null) return;
          if (direction === 'decrease' || direction === 'rank') expect(ra).toBeGreaterThanOrEqual(rb);
          else expect(ra).toBeLessThanOrEqual(rb);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
