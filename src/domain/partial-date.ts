/**
 * A date known only as precisely as the source gives it.
 *
 * Stored and exchanged as a short string so that YAML, CSV, SQL and JSON all hold the same thing:
 *   "2020-01-15" day · "2020-01" month · "2021-autumn" season · "FY2019" fiscal year (年度) · "2019" year,
 * optionally prefixed with "<" for "before" (就任前 = "<2016-04").
 *
 * @example parsePartialDate('FY2019') // { precision: 'fiscal_year', start: '2019-04-01', end: '2020-03-31', fiscalYear: 2019, … }
 */
import { z } from 'zod';

export const datePrecisions = ['day', 'month', 'season', 'fiscal_year', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export const seasons = ['spring', 'summer', 'autumn', 'winter'] as const;
export type Season = (typeof seasons)[number];

export interface PartialDate {
  /** The canonical string form, e.g. "FY2019". */
  text: string;
  precision: DatePrecision;
  /** "before" when the source only says the value predates this date (就任前). */
  qualifier: 'before' | null;
  /** First and last calendar day the date may stand for (ISO yyyy-mm-dd). */
  start: string;
  end: string;
  /** The Japanese fiscal year (April–March) the start falls in. */
  fiscalYear: number;
  year: number;
  month: number | null;
  day: number | null;
  season: Season | null;
}

const pattern =
  /^(<)?(?:FY(\d{4})|(\d{4})-(spring|summer|autumn|winter)|(\d{4})-(\d{2})-(\d{2})|(\d{4})-(\d{2})|(\d{4}))$/;

// Meteorological seasons as Japanese almanacs use them: spring = March–May, …, winter = December–February.
const seasonMonths: Record<Season, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  winter: [12, 14],
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The Japanese fiscal year (年度) a calendar month falls in: Jan–Mar belong to the previous year's 年度. */
export function fiscalYearOf(year: number, month: number): number {
  return month >= 4 ? year : year - 1;
}

function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

// The same few dates (FY2019, 2020-01 …) are parsed again and again: by every value of an import, every sort and
// every plausibility check. Results are frozen so one shared object can be handed to every caller; the bound keeps
// a file of unusual dates from growing the cache without limit.
const parsedDates = new Map<string, Readonly<PartialDate> | null>();
const parsedDatesBound = 10_000;

/**
 * Parses the canonical string form; returns null for anything else. The result is shared and frozen.
 * @example parsePartialDate('2020-01')?.end // '2020-01-31'
 */
export function parsePartialDate(text: string): PartialDate | null {
  const known = parsedDates.get(text);
  if (known !== undefined) return known;
  if (parsedDates.size >= parsedDatesBound) parsedDates.clear();
  const parsed = parseUncached(text);
  const shared = parsed === null ? null : Object.freeze(parsed);
  parsedDates.set(text, shared);
  return shared;
}

function parseUncached(text: string): PartialDate | null {
  const m = pattern.exec(text);
  if (!m) return null;
  const qualifier = m[1] ? 'before' : null;
  const base = { text, qualifier, month: null, day: null, season: null } as const;
  if (m[2]) {
    const fy = Number(m[2]);
    return {
      ...base,
      precision: 'fiscal_year',
      start: iso(fy, 4, 1),
      end: iso(fy + 1, 3, 31),
      fiscalYear: fy,
      year: fy,
    };
  }
  if (m[3]) {
    const year = Number(m[3]);
    const season = m[4] as Season;
    const [from, to] = seasonMonths[season];
    const endYear = to > 12 ? year + 1 : year;
    const endMonth = to > 12 ? to - 12 : to;
    return {
      ...base,
      precision: 'season',
      season,
      start: iso(year, from, 1),
      end: iso(endYear, endMonth, lastDayOfMonth(endYear, endMonth)),
      fiscalYear: fiscalYearOf(year, from),
      year,
    };
  }
  if (m[5]) {
    const [year, month, day] = [Number(m[5]), Number(m[6]), Number(m[7])];
    if (!isValidDay(year, month, day)) return null;
    const start = iso(year, month, day);
    return {
      ...base,
      precision: 'day',
      start,
      end: start,
      fiscalYear: fiscalYearOf(year, month),
      year,
      month,
      day,
    };
  }
  if (m[8]) {
    const [year, month] = [Number(m[8]), Number(m[9])];
    if (month < 1 || month > 12) return null;
    return {
      ...base,
      precision: 'month',
      start: iso(year, month, 1),
      end: iso(year, month, lastDayOfMonth(year, month)),
      fiscalYear: fiscalYearOf(year, month),
      year,
      month,
    };
  }
  const year = Number(m[10]);
  return {
    ...base,
    precision: 'year',
    start: iso(year, 1, 1),
    end: iso(year, 12, 31),
    fiscalYear: fiscalYearOf(year, 1),
    year,
  };
}

/** zod type for a partial date string at every boundary (YAML, CSV, HTTP). */
export const partialDateString = z.string().refine((s) => parsePartialDate(s) !== null, {
  message:
    '日付の形式が正しくありません (invalid date: use 2020-01-15, 2020-01, 2021-autumn, FY2019, 2019 or <2016-04)',
});

/** Orders partial dates by their first day, then by precision (a month sorts before a day within it). */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return a.end < b.end ? 1 : a.end > b.end ? -1 : 0;
}
