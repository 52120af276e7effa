/**
 * The fiscal year (年度, April–March) of a stored date: the one rule every writer, exporter and view uses.
 * A statistics file repeats the same few periods on 100,000 rows, so each distinct date is parsed once.
 */
import { parsePartialDate } from './partial-date.ts';

const cacheCapacity = 10_000;
const fiscalYears = new Map<string, number | null>();
const namedFiscalYears = new Map<string, number | null>();

function cached(cache: Map<string, number | null>, date: string, work: () => number | null): number | null {
  const hit = cache.get(date);
  if (hit !== undefined) return hit;
  if (cache.size >= cacheCapacity) cache.clear();
  const year = work();
  cache.set(date, year);
  return year;
}

/**
 * The 年度 a canonical partial date falls in (a "before" date: the 年度 of its bound), null for none or unreadable.
 * @example fiscalYearOfDate('2024-03') // 2023
 */
export function fiscalYearOfDate(date: string | null): number | null {
  if (date === null) return null;
  return cached(fiscalYears, date, () => parsePartialDate(date)?.fiscalYear ?? null);
}

/**
 * Like fiscalYearOfDate, but null for "before" dates (就任前), which name no single year.
 * @example namedFiscalYearOfDate('<2016-04') // null
 */
export function namedFiscalYearOfDate(date: string | null): number | null {
  if (date === null) return null;
  return cached(namedFiscalYears, date, () => {
    const parsed = parsePartialDate(date);
    return parsed && parsed.qualifier === null ? parsed.fiscalYear : null;
  });
}
