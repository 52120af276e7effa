import { describe, expect, it } from 'vitest';
import { indicatorFigures } from '../../domain/figures/index.ts';
import type { Indicator } from '../../domain/model.ts';
import { indicatorSchema } from '../../domain/model.ts';
import { highlightFigure } from './highlight.ts';

const plan = { achievementFormula: 'ratio_to_target', ratingScale: null } as const;
const source = { documentId: 'doc', line: 1 };
const point = (value: number, date: string) => ({ value, date, source });
const indicator = (input: Partial<Parameters<typeof indicatorSchema.parse>[0]> & object): Indicator =>
  indicatorSchema.parse({ id: 'i', name: 'x', unit: '円', direction: 'increase', ...input });

describe('highlightFigure', () => {
  it('shows the ratio of an amount, with the engine’s text and rule', () => {
    const i = indicator({ baseline: point(100, 'FY2016'), observations: [point(250, 'FY2019')] });
    const figure = highlightFigure(i, plan);
    const ratio = indicatorFigures(i, plan).ratio;
    expect(figure).toEqual({
      kind: 'derived',
      figure: 'ratio',
      text: ratio.text,
      rule: ratio.value === null ? '' : ratio.rule,
    });
  });

  it('shows the change of a percentage in points, never a ratio of percentages', () => {
    const i = indicator({
      unit: '%',
      baseline: point(19.8, 'FY2015'),
      observations: [point(23.8, 'FY2019')],
    });
    expect(highlightFigure(i, plan)).toMatchObject({ kind: 'derived', figure: 'pointChange' });
  });

  it('falls back to the figure the source printed, in its words, marked as reported', () => {
    const i = indicator({
      unit: '時間',
      direction: 'decrease',
      reported: [
        { kind: 'percentChange', value: -12.81, unit: '%', text: '削減 -12.81%', date: null, source },
      ],
    });
    expect(highlightFigure(i, plan)).toEqual({
      kind: 'reported',
      text: '削減 -12.81%',
      source,
    });
  });

  it('adds no sign to a positive reported figure', () => {
    const i = indicator({
      unit: '区',
      reported: [
        { kind: 'achievementRate', value: 89.7, unit: '%', text: '実施率:89.7%', date: null, source },
      ],
    });
    expect(highlightFigure(i, plan)).toMatchObject({ kind: 'reported', text: '実施率:89.7%' });
  });

  it('has nothing to show for an indicator without values', () => {
    expect(highlightFigure(indicator({}), plan)).toBeNull();
  });
});
