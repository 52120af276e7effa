/**
 * Every reason a figure can be missing is reachable, and each is said in Japanese with English after.
 */
import { describe, expect, it } from 'vitest';
import { healthCheckups, indicator, point } from '../../../test/helpers/figure-fixtures.ts';
import { programSheetSchema } from '../model.ts';
import { progressFromBaseline, ratioToTarget } from './achievement-rate.ts';
import { cagrProgress } from './cagr.ts';
import { pointChange, ratio } from './change.ts';
import { type FigureResult, figureReasons, figureReasonTexts } from './figure.ts';
import { indicatorFigures } from './indicator-figures.ts';
import { executionRate, personnelCost, programCost, yearOnYear } from './program-cost.ts';
import type { RateInput } from './rate-input.ts';
import { rateIndicator } from './rating.ts';
import { weightedScore } from './weighted-score.ts';

const n = (value: number, date: string | null = null) => ({ point: point(value, date), unit: '件' });
const rate = (over: Partial<RateInput>): RateInput => ({
  direction: 'increase',
  unit: '件',
  baseline: null,
  actual: null,
  target: null,
  ...over,
});
const plan = { achievementFormula: 'ratio_to_target' as const, ratingScale: null };
const single = indicator({
  name: '単独',
  unit: '件',
  direction: 'increase',
  observations: [point(1, '2019')],
});

const sheet = programSheetSchema.parse({ id: 's', fiscalYear: 2023, source: { documentId: 'd' } });

const cases: FigureResult[] = [
  executionRate(sheet),
  executionRate({ ...sheet, budgetFinal: 1 }),
  programCost(sheet),
  personnelCost(sheet),
  yearOnYear([{ ...sheet, settlement: 1 }], 2023, 'settlement'),
  ratioToTarget(rate({ target: point(1) })),
  indicatorFigures(single, plan).ratio,
  progressFromBaseline(rate({ actual: point(1), target: point(2) })),
  ratio(n(0), n(1)),
  ratioToTarget(rate({ actual: point(1) })),
  ratioToTarget(rate({ actual: point(1), target: point(0) })),
  ratioToTarget(rate({ direction: 'decrease', actual: point(0), target: point(1) })),
  progressFromBaseline(rate({ baseline: point(1), actual: point(2), target: point(1) })),
  ratio(n(-1), n(1)),
  cagrProgress(rate({ baseline: point(-1, '2015'), actual: point(1, '2017') })),
  ratio(n(1), { point: point(2), unit: '円' }),
  pointChange(n(1), n(2)),
  cagrProgress(rate({ baseline: point(1), actual: point(2, '2017') })),
  cagrProgress(rate({ baseline: point(1, '2017'), actual: point(2, '2017') })),
  rateIndicator(rate({}), ratioToTarget(rate({})), {
    name: 'A-D',
    grades: [{ grade: 'A', min: 1 }],
    below: { grade: 'B' },
  }),
  rateIndicator(rate({}), ratioToTarget(rate({})), null),
  ratio(n(1e-300), n(1e300)),
  weightedScore([]),
  indicatorFigures({ ...single, direction: 'unspecified', target: point(2) }, plan).achievementRate,
];

describe('reasons for a missing figure', () => {
  it('are each reachable from the public functions', () => {
    const reached = new Set(cases.map((c) => (c.value === null ? c.reason : 'computed')));
    expect([...reached].sort()).toEqual([...figureReasons].sort());
  });

  it('are said in Japanese with English in brackets after', () => {
    for (const reason of figureReasons) {
      expect(figureReasonTexts[reason]).toMatch(
        /^[^()]*[\u3040-\u30ff\u4e00-\u9fff][^()]* \([a-z][a-z ()]+\)$/,
      );
    }
  });

  it('travel with their text, so the API can show them as they are', () => {
    expect(indicatorFigures(healthCheckups, plan).achievementRate).toEqual({
      value: null,
      reason: 'no_target',
      text: '目標値がありません (no target)',
    });
  });
});
