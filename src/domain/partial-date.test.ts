import { describe, expect, it } from 'vitest';
import { comparePartialDates, fiscalYearOf, parsePartialDate } from './partial-date.ts';

describe('parsePartialDate', () => {
  it('reads a fiscal year as April to March', () => {
    expect(parsePartialDate('FY2019')).toMatchObject({
      precision: 'fiscal_year',
      start: '2019-04-01',
      end: '2020-03-31',
    });
  });
  it('keeps a season as a season (R3秋 = autumn 2021)', () => {
    expect(parsePartialDate('2021-autumn')).toMatchObject({
      precision: 'season',
      start: '2021-09-01',
      end: '2021-11-30',
    });
  });
  it('reads winter across the new year', () => {
    expect(parsePartialDate('2020-winter')?.end).toBe('2021-02-28');
  });
  it('reads a month and a day, and puts January in the previous 年度', () => {
    expect(parsePartialDate('2020-01-15')).toMatchObject({ precision: 'day', fiscalYear: 2019 });
    expect(parsePartialDate('2020-01')).toMatchObject({ precision: 'month', end: '2020-01-31' });
  });
  it('marks "before" dates (就任前)', () => {
    expect(parsePartialDate('<2016-04')).toMatchObject({ qualifier: 'before', precision: 'month' });
  });
  it('refuses impossible dates and other text', () => {
    expect(parsePartialDate('2019-02-30')).toBeNull();
    expect(parsePartialDate('2019-13')).toBeNull();
    expect(parsePartialDate('H31')).toBeNull();
  });
  it('orders by first day, coarser first', () => {
    const dates = ['2020-01-15', 'FY2019', '2019', '2020-01'].map((s) => parsePartialDate(s)!);
    expect(dates.sort(comparePartialDates).map((d) => d.text)).toEqual([
      '2019',
      'FY2019',
      '2020-01',
      '2020-01-15',
    ]);
  });
  it('knows the fiscal year of a month', () => {
    expect(fiscalYearOf(2020, 3)).toBe(2019);
    expect(fiscalYearOf(2020, 4)).toBe(2020);
  });
});
