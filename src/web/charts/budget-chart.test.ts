import { describe, expect, it } from 'vitest';
import { thousandYen } from '../components/thousand-yen.ts';
import { type BudgetYear, budgetChartSummary, drawBudgetChartSvg } from './budget-chart.ts';
import { chartSizes } from './chart-size.ts';

// Figures shaped like a 事務事業評価 sheet: two settled years and a budget-only year.
const years: BudgetYear[] = [
  { fiscalYear: 2013, budget: 5_150_000, settlement: 4_745_000 },
  { fiscalYear: 2012, budget: null, settlement: 5_150_000 },
  { fiscalYear: 2014, budget: 4_747_000, settlement: null },
];

describe('drawBudgetChartSvg', () => {
  it('draws final budget beside settlement per fiscal year, oldest first, labelled in 千円', () => {
    const svg = drawBudgetChartSvg(years, { id: 'p.a', title: '事業の予算と決算' }) ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="chart-p_2ea-budget-title">事業の予算と決算</title>');
    const ticks = [...svg.matchAll(/>(\d{4})年度<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['2012', '2013', '2014']);
    for (const label of ['最終予算', '決算', '4,745千円', '4,747千円'])
      expect(svg).toContain(`>${label}</text>`);
    // The settlement bars are solid blue, the budget bars outlined in grey: fill tells them apart, not colour alone.
    expect(svg).toContain('fill="#0031d8"');
    expect(svg).toMatch(/<path [^>]*fill="#ffffff"[^>]*stroke="#333333"/);
    expect(svg).not.toContain('style=');
  });

  it('keeps a year the sheets skip, empty, so the years stay evenly spaced', () => {
    const gap = [years[1], { fiscalYear: 2015, budget: 4_000_000, settlement: 3_900_000 }] as BudgetYear[];
    const svg = drawBudgetChartSvg(gap, { id: 'p', title: 't' }) ?? '';
    const ticks = [...svg.matchAll(/>(\d{4})年度<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['2012', '2013', '2014', '2015']);
    // The description speaks only of the years with figures.
    expect(budgetChartSummary(gap as BudgetYear[], 'ja')).not.toContain('2013');
  });

  it('draws to a viewBox, turning the amounts upright when the narrow drawing has no room across', () => {
    const wide = drawBudgetChartSvg(years, { id: 'p', title: 't' }) ?? '';
    const narrow = drawBudgetChartSvg(years, { id: 'p', title: 't', size: chartSizes.narrow }) ?? '';
    expect(wide).toMatch(/^<svg [^>]*viewBox="0 0 720 300"/);
    expect(narrow).toMatch(/^<svg [^>]*viewBox="0 0 360 280"/);
    expect(narrow).not.toMatch(/^<svg [^>]*width=/);
    const upright = /transform="matrix\(0,-1,1,0,[^"]*\)"[^>]*>4,745千円</;
    expect(narrow).toMatch(upright);
    expect(wide).not.toMatch(upright);
    expect(narrow).toContain('id="chart-p-budget-narrow-title"');
  });

  it('says every amount in its description, and “記載なし” where the sheet gives none', () => {
    expect(budgetChartSummary(years.slice(1, 2), 'ja')).toBe('2012年度: 最終予算 記載なし, 決算 5,150千円');
    expect(budgetChartSummary(years.slice(0, 1), 'en')).toBe(
      'FY2013: Final budget ¥5,150k, Settlement ¥4,745k',
    );
  });

  it('draws nothing when no year has an amount', () => {
    expect(
      drawBudgetChartSvg([{ fiscalYear: 2020, budget: null, settlement: null }], { id: 'x', title: 'x' }),
    ).toBeNull();
  });

  it('writes yen in thousands, negative with ▲', () => {
    expect(thousandYen(-2_500_000, 'ja')).toBe('▲2,500千円');
    expect(thousandYen(51_465_000, 'en')).toBe('¥51,465k');
    expect(thousandYen(-7_369_000, 'en')).toBe('−¥7,369k');
  });
});
