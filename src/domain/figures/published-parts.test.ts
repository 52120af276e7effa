import { describe, expect, it } from 'vitest';
import { type PublishedFigure, publishedPartsChecks } from './published-parts.ts';

// 枚方市「事業仕分け結果に係る対応方針」: the city's decisions on 36 programs and the H23 budget effect.
const count = (label: string, value: number, nextStep?: string): PublishedFigure => ({
  kind: 'directionCount',
  label,
  fiscalYear: null,
  ...(nextStep ? { nextStep } : {}),
  value,
  unit: '事業',
  text: String(value),
});
const effect = (label: string, value: number, nextStep?: string): PublishedFigure => ({
  kind: 'budgetEffectTotal',
  label,
  fiscalYear: 2011,
  ...(nextStep ? { nextStep } : {}),
  value: value * 1000,
  unit: '円',
  text: `${value.toLocaleString('en')}千円`,
});

describe('publishedPartsChecks', () => {
  it('sums the published parts beside each published total, counts and amounts alike', () => {
    const checks = publishedPartsChecks([
      count('廃止', 3, 'abolish'),
      count('再構築', 7, 'rebuild'),
      count('民間等', 0, 'private'),
      count('改善', 22, 'improve'),
      count('現行通', 4, 'as_is'),
      count('合計', 36),
      effect('廃止', -6479, 'abolish'),
      effect('再構築', -14461, 'rebuild'),
      effect('改善', -30525, 'improve'),
      effect('合計', -51465),
    ]);
    expect(checks).toHaveLength(2);
    expect(checks[0]).toMatchObject({ sum: 36, sumText: '36事業', matches: true });
    expect(checks[0]?.rule).toBe('内訳の合計 = 廃止 3 + 再構築 7 + 民間等 0 + 改善 22 + 現行通 4');
    expect(checks[1]).toMatchObject({
      sum: -51_465_000,
      sumText: '▲51,465千円',
      matches: true,
      fiscalYear: 2011,
    });
  });

  it('shows a total that does not follow from its parts beside the sum, without changing it', () => {
    const [check] = publishedPartsChecks([
      count('改善', 22, 'improve'),
      count('廃止', 3, 'abolish'),
      count('合計', 26),
    ]);
    expect(check).toMatchObject({ sum: 25, matches: false });
    expect(check?.total.value).toBe(26);
  });

  it('checks nothing where only totals, or only parts, are published', () => {
    expect(publishedPartsChecks([count('合計', 36)])).toEqual([]);
    expect(publishedPartsChecks([count('改善', 22, 'improve')])).toEqual([]);
  });

  it('keeps fiscal years and units apart', () => {
    const later = { ...effect('合計', -7369), fiscalYear: 2012 };
    expect(publishedPartsChecks([effect('改善', -30525, 'improve'), later])).toEqual([]);
  });
});
