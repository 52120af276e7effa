/**
 * The fiscal year (年度, April–March) of a stored date: the one rule every writer, exporter and view uses.
 * A statistics file repeats the same few periods on 100,000 rows, so each distinct date is parsed once.
 */
import { memoize } from './memo.ts';
import { fiscalYearOf, type PartialDate, parsePartialDate } from './partial-date.ts';

/**
 * The one 年度 a date lies in, or null when its span crosses 1 April: a calendar year (2013 is January–March of
 * 年度 2012 and April–December of 年度 2013) or a spring (March–May) names no single 年度, and giving it one would
 * make a 年 look like a 年度.
 */
function singleFiscalYear(parsed: PartialDate): number | null {
  const [endYear, endMonth] = parsed.end.split('-').map(Number) as [number, number];
  return fiscalYearOf(endYear, endMonth) === parsed.fiscalYear ? parsed.fiscalYear : null;
}

const fiscalYearOfText = memoize((date: string): number | null => {
  const parsed = parsePartialDate(date);
  return parsed ? singleFiscalYear(parsed) : null;
});

const namedFiscalYearOfText = memoize((date: string): number | null => {
  const parsed = parsePartialDate(date);
  return parsed && parsed.qualifier === null ? singleFiscalYear(parsed) : null;
});

/**
 * The 年度 a canonical partial date falls in (a "before" date: the 年度 of its bound); null for none, unreadable, or
 * a date that spans two 年度 (a calendar year such as 平成28年 = '2016').
 * @example fiscalYearOfDate('2024-03') // 2023
 * @example fiscalYearOfDate('2016') // null
 */
export function fiscalYearOfDate(date: string | null): number | null {
  if (date === null) return null;
  return fiscalYearOfText(date);
}

/**
 * Like fiscalYearOfDate, but null for "before" dates (就任前), which name no single year.
 * @example namedFiscalYearOfDate('<2016-04') // null
 */
export function namedFiscalYearOfDate(date: string | null): number | null {
  if (date === null) return null;
  return namedFiscalYearOfText(date);
}
