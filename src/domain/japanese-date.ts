/**
 * Dates as Japanese documents print them (R2.1月15日, H31.4現在, 平成31年度, 2016.2.12, 2024年2月号),
 * read into the canonical PartialDate strings of partial-date.ts.
 */
import {
  normalizeFigureText,
  parseCountOfTotal,
  parseJapaneseNumber,
  type ValueQualifier,
} from './japanese-number.ts';
import { type PartialDate, parsePartialDate, type Season } from './partial-date.ts';
import { type Era, eras, findEra, toWesternYear } from './wareki.ts';

const seasonOf: Record<string, Season> = { 春: 'spring', 夏: 'summer', 秋: 'autumn', 冬: 'winter' };

const eraNames = eras.flatMap((e) => [e.name, e.letter]).join('|');
const small = '\\d{1,2}|[〇一二三四五六七八九十]{1,3}';
const eraHead = new RegExp(`^(${eraNames})(元|${small})(.*)$`, 'u');
const westernHead = /^([1-9]\d{3}|[一二][〇一二三四五六七八九]{3})(?![\d〇一二三四五六七八九])(.*)$/u;
const fiscal = /^年度(.*)$/u;
const season = /^年?([春夏秋冬])(.*)$/u;
const jaMonthDay = new RegExp(`^年(${small})月(?:(${small})日)?(.*)$`, 'u');
// No hyphen: 「2529-1」 is a street number; hyphenated dates arrive in canonical form (2016-04).
const dotMonthDay = new RegExp(`^[./](${small})(?:月(?:(${small})日)?|[./](${small})(?!\\d))?(.*)$`, 'u');
const calendarYear = /^年(.*)$/u;

/** 「15」「十五」「二〇二三」 as an integer; null for anything else. */
function integerOf(token: string): number | null {
  const parsed = parseJapaneseNumber(token);
  return parsed && parsed.unit === null && Number.isInteger(parsed.value) ? parsed.value : null;
}

interface DateParts {
  year: number;
  kind: 'fiscal_year' | 'year' | 'month' | 'day' | 'season';
  month?: number;
  day?: number;
  season?: Season;
  tail: string;
}

/** What follows the year: 年度, 年, a month (and day) in 年月日 or dotted form, or a season. */
function readAfterYear(year: number, rest: string): DateParts | null {
  let m = fiscal.exec(rest);
  if (m) return { year, kind: 'fiscal_year', tail: m[1] ?? '' };
  m = season.exec(rest);
  if (m) return { year, kind: 'season', season: seasonOf[m[1] ?? ''], tail: m[2] ?? '' };
  m = jaMonthDay.exec(rest) ?? dotMonthDay.exec(rest);
  if (m) {
    const month = integerOf(m[1] ?? '');
    const dayText = m[2] ?? (m.length === 5 ? m[3] : undefined);
    const day = dayText === undefined ? undefined : integerOf(dayText);
    if (month === null || day === null) return null;
    const tail = m[m.length - 1] ?? '';
    return day === undefined ? { year, kind: 'month', month, tail } : { year, kind: 'day', month, day, tail };
  }
  m = calendarYear.exec(rest);
  if (m) return { year, kind: 'year', tail: m[1] ?? '' };
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function canonical(p: DateParts, before: boolean): string {
  const lead = before ? '<' : '';
  switch (p.kind) {
    case 'fiscal_year':
      return `${lead}FY${p.year}`;
    case 'year':
      return `${lead}${p.year}`;
    case 'season':
      return `${lead}${p.year}-${p.season}`;
    case 'month':
      return `${lead}${p.year}-${pad(p.month ?? 0)}`;
    case 'day':
      return `${lead}${p.year}-${pad(p.month ?? 0)}-${pad(p.day ?? 0)}`;
  }
}

/** An era date must touch the era: 平成31年4月 exists, 平成31年5月 and 平成32年 do not. */
function overlapsEra(date: PartialDate, era: Era): boolean {
  return date.end >= era.start && (era.end === null || date.start <= era.end);
}

// Words that may follow a date without changing it: 現在, 完成予定, 号, 末, 発行, の人口動態 …
// Anything with a digit, a range mark or a unit-like start means the text is more than one date.
const badTail = /[\d〇一二三四五六七八九十～〜~→/%]|^[年月日度.:-]/u;
const beforeTail = /^(?:以前|前)$/u;

/** One date without a 和暦 gloss. */
function parseBody(flat: string): PartialDate | null {
  const era = eraHead.exec(flat);
  let parts: DateParts | null;
  let eraUsed: Era | null = null;
  if (era) {
    eraUsed = findEra(era[1] ?? '');
    const eraYear = era[2] === '元' ? 1 : integerOf(era[2] ?? '');
    if (!eraUsed || eraYear === null || eraYear < 1) return null;
    const year = toWesternYear(eraUsed, eraYear);
    const rest = era[3] ?? '';
    // The seeds write 年度 as a bare letter era (H27 = 平成27年度); a bare kanji era is not a date.
    const bare = /^[A-Z]$/.test(era[1] ?? '') && !/^[年./\-春夏秋冬]/u.test(rest);
    parts = bare
      ? { year, kind: 'fiscal_year', tail: rest.replace(/^[:：]/u, '') }
      : readAfterYear(year, rest);
  } else {
    const western = westernHead.exec(flat);
    const year = western ? integerOf(western[1] ?? '') : null;
    parts = year === null ? null : readAfterYear(year, western?.[2] ?? '');
  }
  if (!parts) return null;
  const before = beforeTail.test(parts.tail);
  if (!before && parts.tail !== '' && badTail.test(parts.tail)) return null;
  const date = parsePartialDate(canonical(parts, before));
  if (!date || (eraUsed && !overlapsEra(date, eraUsed))) return null;
  return date;
}

/**
 * Reads a date as printed in Japanese documents; a bare letter era (H27) or any 年度 is a fiscal year.
 * Also reads its own output, 「2019年度（令和元年度）」, checking that both halves agree.
 * @example parseJapaneseDate('R2.1月15日')?.text // "2020-01-15"; parseJapaneseDate('H27')?.text // "FY2015"
 */
export function parseJapaneseDate(text: string): PartialDate | null {
  if (typeof text !== 'string') return null;
  const flat = normalizeFigureText(text);
  const exact = parsePartialDate(flat);
  if (exact) return exact;
  const glossed = /^([^(（]+)[(（]([^)）]+)[)）]$/u.exec(flat);
  if (!glossed) return parseBody(flat);
  const main = parseBody(glossed[1] ?? '');
  // A remark in brackets (改訂版) is not a gloss; a gloss with a year must agree with the date it glosses.
  if (!/[\d元]/u.test(glossed[2] ?? '')) return main;
  if (!main) return null;
  // 「明治45年・大正元年以前」: 以前 is written once, after the last era.
  const alternatives = (glossed[2] ?? '').split('・').map(parseBody);
  const sameSpan = alternatives.every((alt) => alt && alt.start === main.start && alt.end === main.end);
  return sameSpan && alternatives.at(-1)?.qualifier === main.qualifier ? main : null;
}

// ～ and its cousins, .. as in canonical ranges, から; a lone hyphen only when both sides still read.
const periodSeparators = /\.\.|[～〜~\-–—]|から/gu;

/**
 * A period written as two dates: 「2016年4月～2023年12月末現在」, 「2016.4~2020.1」, 「2016-04..2020-04」.
 * @example parseJapanesePeriod('2016.4~2020.1') // { start: 2016-04, end: 2020-01 }
 */
export function parseJapanesePeriod(text: string): { start: PartialDate; end: PartialDate } | null {
  if (typeof text !== 'string') return null;
  const flat = normalizeFigureText(text).replace(/まで$/u, '');
  for (const sep of flat.matchAll(periodSeparators)) {
    const start = parseJapaneseDate(flat.slice(0, sep.index));
    const end = parseJapaneseDate(flat.slice(sep.index + sep[0].length));
    if (start && end && start.start <= end.end) return { start, end };
  }
  return null;
}

export interface EraPrefixedValue {
  /** Canonical partial date, e.g. "FY2015". */
  date: string;
  value: number;
  unit: string | null;
  qualifier: ValueQualifier | null;
  /** The whole, when the value is a count of a total (R元:61/68区). */
  outOf: number | null;
}

/**
 * Splits a value from the era year printed before it, glued by OCR or by a colon.
 * The era year has at most two digits, so 「H2719.8%」 is H27 and 19.8%.
 * @example splitEraPrefixedValue('H2719.8%') // { date: 'FY2015', value: 19.8, unit: '%', qualifier: null, outOf: null }
 */
export function splitEraPrefixedValue(text: string): EraPrefixedValue | null {
  if (typeof text !== 'string') return null;
  const m = new RegExp(`^(${eraNames})(元|\\d{1,2})(年度)?(.*)$`, 'u').exec(normalizeFigureText(text));
  if (!m) return null;
  const [, era = '', year = '', nendo = '', rest = ''] = m;
  if (nendo) return withDate(parseJapaneseDate(`${era}${year}${nendo}`), rest);
  // Two digits when they name a year (H27 + 19.8%), else one (H3 + 512件, as 平成35年 never was).
  const twoDigits = year.length === 2 ? parseJapaneseDate(`${era}${year}`) : null;
  const eraYear = twoDigits || year.length === 1 ? year : year.slice(0, 1);
  return withDate(twoDigits ?? parseJapaneseDate(`${era}${eraYear}`), year.slice(eraYear.length) + rest);
}

function withDate(date: PartialDate | null, valueText: string): EraPrefixedValue | null {
  if (!date) return null;
  const figure = valueText.replace(/^[:：]/u, '');
  const number = parseJapaneseNumber(figure);
  if (number) {
    return {
      date: date.text,
      value: number.value,
      unit: number.unit,
      qualifier: number.qualifier,
      outOf: null,
    };
  }
  const count = parseCountOfTotal(figure);
  if (count)
    return { date: date.text, value: count.value, unit: count.unit, qualifier: null, outOf: count.outOf };
  return null;
}
