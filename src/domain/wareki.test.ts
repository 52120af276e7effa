import { describe, expect, it } from 'vitest';
import { findEra, formatPartialDate, toWesternYear } from './wareki.ts';

describe('formatPartialDate in Japanese', () => {
  it('names a 年度 by the era its first calendar year ends in', () => {
    expect(formatPartialDate('FY2019')).toBe('2019年度（令和元年度）');
    expect(formatPartialDate('FY2018')).toBe('2018年度（平成30年度）');
    expect(formatPartialDate('FY1988')).toBe('1988年度（昭和63年度）');
    expect(formatPartialDate('FY1989')).toBe('1989年度（平成元年度）');
  });
  it('writes days, months and seasons with their era', () => {
    expect(formatPartialDate('2020-01-15')).toBe('2020年1月15日（令和2年1月15日）');
    expect(formatPartialDate('2020-01')).toBe('2020年1月（令和2年1月）');
    expect(formatPartialDate('2021-autumn')).toBe('2021年秋（令和3年秋）');
    expect(formatPartialDate('2019-04-30')).toBe('2019年4月30日（平成31年4月30日）');
    expect(formatPartialDate('2019-05-01')).toBe('2019年5月1日（令和元年5月1日）');
  });
  it('keeps a winter in the era of the year it is named after', () => {
    expect(formatPartialDate('2018-winter')).toBe('2018年冬（平成30年冬）');
  });
  it('shows both eras for a year in which the era changed', () => {
    expect(formatPartialDate('2019')).toBe('2019年（平成31年・令和元年）');
    expect(formatPartialDate('1989')).toBe('1989年（昭和64年・平成元年）');
  });
  it('writes "before" dates with 以前', () => {
    expect(formatPartialDate('<2016-04')).toBe('2016年4月以前（平成28年4月以前）');
  });
  it('gives no era before Japan took up the Gregorian calendar', () => {
    expect(formatPartialDate('FY1850')).toBe('1850年度');
  });
  it('accepts an already parsed date and leaves unknown text as it is', () => {
    expect(formatPartialDate('not a date')).toBe('not a date');
  });
});

describe('formatPartialDate in English', () => {
  it('writes each precision', () => {
    expect(formatPartialDate('FY2019', 'en')).toBe('FY2019');
    expect(formatPartialDate('2020-01-15', 'en')).toBe('15 January 2020');
    expect(formatPartialDate('2020-01', 'en')).toBe('January 2020');
    expect(formatPartialDate('2021-autumn', 'en')).toBe('autumn 2021');
    expect(formatPartialDate('2019', 'en')).toBe('2019');
    expect(formatPartialDate('<2016-04', 'en')).toBe('before April 2016');
  });
});

describe('eras', () => {
  it('finds an era by kanji or letter and counts 元年 as its first year', () => {
    expect(findEra('h')?.name).toBe('平成');
    expect(findEra('令和')?.letter).toBe('R');
    expect(findEra('X')).toBeNull();
    const reiwa = findEra('R');
    expect(reiwa && toWesternYear(reiwa, 1)).toBe(2019);
  });
});
