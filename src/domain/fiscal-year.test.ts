import { describe, expect, it } from 'vitest';
import { fiscalYearOfDate, namedFiscalYearOfDate } from './fiscal-year.ts';

describe('fiscalYearOfDate', () => {
  it('puts January to March in the previous year', () => {
    expect(fiscalYearOfDate('2024-03')).toBe(2023);
    expect(fiscalYearOfDate('2024-04-01')).toBe(2024);
    expect(fiscalYearOfDate('FY2019')).toBe(2019);
  });

  it('gives a calendar year, or a spring across 1 April, no 年度: 平成28年 is not 平成28年度', () => {
    expect(fiscalYearOfDate('2016')).toBeNull();
    expect(namedFiscalYearOfDate('2016')).toBeNull();
    expect(fiscalYearOfDate('2016-spring')).toBeNull();
    expect(fiscalYearOfDate('2016-summer')).toBe(2016);
    expect(fiscalYearOfDate('2016-winter')).toBe(2016);
    expect(fiscalYearOfDate('FY2016')).toBe(2016);
  });

  it('is null without a date or for text that is not one', () => {
    expect(fiscalYearOfDate(null)).toBeNull();
    expect(fiscalYearOfDate('someday')).toBeNull();
  });

  it('gives a "before" date the year of its bound, and the named year none', () => {
    expect(fiscalYearOfDate('<2016-04')).toBe(2016);
    expect(namedFiscalYearOfDate('<2016-04')).toBeNull();
    expect(namedFiscalYearOfDate('2016-03')).toBe(2015);
  });
});
