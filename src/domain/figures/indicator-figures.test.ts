import { describe, expect, it } from 'vitest';
import {
  councilWomen,
  disasterDrills,
  furusatoCitizens,
  furusatoNozei,
  healthCheckups,
  indicator,
  livability,
  point,
  seizureProceeds,
  seizures,
  womenSupervisors,
} from '../../../test/helpers/figure-fixtures.ts';
import { type FiguresPlan, indicatorFigures, sortedObservations } from './indicator-figures.ts';
import { defaultRatingScale } from './rating-scale.ts';

const plan: FiguresPlan = { achievementFormula: 'ratio_to_target', ratingScale: defaultRatingScale };

describe('indicatorFigures on the seed newsletters', () => {
  it('gives ふるさと納税 50.5倍 from baseline to latest, citing both values', () => {
    const f = indicatorFigures(furusatoNozei, plan);
    expect(f.ratio).toMatchObject({ text: '50.5倍', from: { value: 6_790_000 }, to: { value: 343_000_000 } });
    expect(f.pointChange).toMatchObject({ value: null, reason: 'not_percentage' });
    expect(f.achievementRate).toMatchObject({ value: null, reason: 'no_target' });
    expect(f.rating).toMatchObject({ value: null, reason: 'no_rate' });
  });

  it('gives 女性係長級以上比率 +9.4ポイント against the latest observation, whatever the stored order', () => {
    const f = indicatorFigures(womenSupervisors, plan);
    expect(f.pointChange).toMatchObject({ text: '+9.4ポイント', to: { date: 'FY2023' } });
    const earlier = { ...womenSupervisors, observations: [point(23.8, 'FY2019')] };
    expect(indicatorFigures(earlier, plan).pointChange.text).toBe('+4.0ポイント');
  });

  it('gives 審議会女性参画率 89.8% of target, graded B', () => {
    const f = indicatorFigures(councilWomen, plan);
    expect(f.achievementRate.text).toBe('89.8%');
    expect(f.rating).toMatchObject({ label: 'B' });
    expect(f.ratio).toMatchObject({ value: null, reason: 'single_observation' });
  });

  it('compares the first observation when there is no baseline: 特定検診 +5.2ポイント', () => {
    expect(indicatorFigures(healthCheckups, plan).pointChange.text).toBe('+5.2ポイント');
  });

  it('gives 防災訓練 61/68区 as a share of 89.7%', () => {
    const f = indicatorFigures(disasterDrills, plan);
    expect(f.share).toMatchObject({ text: '89.7%' });
    expect(f.share.value).toBeCloseTo((61 / 68) * 100, 10);
  });

  it('gives 差押件数 1.4倍 +37.3% and 換価額 1.6倍 +56.5%', () => {
    const a = indicatorFigures(seizures, plan);
    expect([a.ratio.text, a.percentChange.text, a.difference.text]).toEqual(['1.4倍', '+37.3%', '+38件']);
    const b = indicatorFigures(seizureProceeds, plan);
    expect([b.ratio.text, b.percentChange.text]).toEqual(['1.6倍', '+56.5%']);
  });

  it('gives 住みよさ 25位 of 812 as a standing', () => {
    const f = indicatorFigures(livability, plan);
    expect(f.standing.text).toBe('812中25位（上位3.1%）');
    expect(f.share).toMatchObject({ value: null, reason: 'not_percentage' });
  });

  it('gives 小諸ふるさと市民 3,682 of 100,000 as 3.7%, graded D', () => {
    const f = indicatorFigures(furusatoCitizens, plan);
    expect(f.achievementRate.text).toBe('3.7%');
    expect(f.rating).toMatchObject({ label: 'D' });
  });
});

describe('indicatorFigures choices and gaps', () => {
  it('computes no rate, grade or growth verdict for an indicator whose source states no direction, only the change', () => {
    // 大船渡市 0583 廻来船の誘致活動件数 (data/demo/ofunato): 105件 (R5) → 120件 (R7), no direction on the sheet.
    const calls = indicator({
      name: '廻来船の誘致活動件数',
      unit: '件',
      direction: 'unspecified',
      target: point(130, 'FY2025'),
      observations: [point(105, 'FY2023'), point(120, 'FY2025')],
    });
    for (const achievementFormula of ['ratio_to_target', 'progress_from_baseline', 'cagr'] as const) {
      const f = indicatorFigures(calls, { ...plan, achievementFormula });
      expect(f.achievementRate, achievementFormula).toMatchObject({ value: null, reason: 'no_direction' });
      expect(f.rating, achievementFormula).toMatchObject({ value: null });
      expect(f.difference).toMatchObject({ text: '+15件' });
    }
  });

  it('grades on the default A–D table when the plan has none', () => {
    expect(indicatorFigures(councilWomen, { ...plan, ratingScale: null }).rating).toMatchObject({
      label: 'B',
    });
  });

  it("uses the indicator's own formula before the plan's", () => {
    const own = {
      ...womenSupervisors,
      achievementFormula: 'progress_from_baseline' as const,
      target: point(30),
    };
    expect(indicatorFigures(own, plan).achievementRate.text).toBe('92.2%');
    expect(indicatorFigures({ ...own, achievementFormula: null }, plan).achievementRate.text).toBe('97.3%');
  });

  it('lists reported figures beside, marked 報告値, never recomputed', () => {
    const hours = indicator({
      name: '超過勤務時間',
      unit: '時間',
      direction: 'decrease',
      reported: [
        {
          kind: 'percentChange',
          value: -12.81,
          unit: '%',
          text: '-12.81%',
          date: '2020-01',
          source: point(0).source,
        },
      ],
    });
    const f = indicatorFigures(hours, plan);
    expect(f.reported).toEqual([
      expect.objectContaining({ value: -12.81, text: '-12.81%', label: '報告値' }),
    ]);
    expect(f.percentChange).toMatchObject({ value: null, reason: 'no_observation' });
  });

  it('gives every figure a reason when there is nothing observed', () => {
    const empty = indicator({ name: '空', unit: '件', direction: 'increase' });
    const f = indicatorFigures(empty, { ...plan, ratingScale: null });
    for (const figure of [
      f.ratio,
      f.percentChange,
      f.pointChange,
      f.difference,
      f.achievementRate,
      f.share,
    ]) {
      expect(figure).toMatchObject({ value: null, reason: 'no_observation' });
    }
    expect(f.rating).toMatchObject({ reason: 'no_rate' });
  });

  it('sorts undated observations before dated ones, so the latest is dated', () => {
    const sorted = sortedObservations([point(1, null), point(2, '2020'), point(3, 'FY2018')]);
    expect(sorted.map((o) => o.value)).toEqual([1, 3, 2]);
  });
});
