/**
 * The date of a figure in a newsletter line: written just before it (H28:, 令和5年度, 1月現在/, 就任前/),
 * in brackets just after it (3682人(R 2.1月15日)), glued to it (H2719.8%), or somewhere in its clause.
 */
import { parseJapaneseDate, splitEraPrefixedValue } from '../../domain/japanese-date.ts';
import type { FigureToken } from './figure-tokens.ts';

/** What the whole document says about time, used to resolve 1月現在 and 就任前. */
export interface DocumentDates {
  /** When the newsletter was issued, e.g. "2020-01". */
  reportDate: string | null;
  /** When the term began, e.g. "2016-04": 就任前 is "<2016-04". */
  termStart: string | null;
}

const beforeTerm = /(?:就任前|就任当初|就任時)[/:：、]?$/u;
const monthNow = /(\d{1,2})月現在[/:：]?$/u;
const eraMonthNow = /((?:H|R|平成|令和)(?:元|\d{1,2})\.\d{1,2})現在[/:：]?$/u;
const eraYear = /((?:H|R|S|平成|令和|昭和)(?:元|\d{1,2})(?:年度|年)?)[:：/]?$/u;
const bracketAfter = /^\(([^)]{2,16})\)/u;
const clauseDate = /(?:令和|平成)(?:元|\d{1,2})年度?|\d{4}年度?/u;

function termDate(dates: DocumentDates): string | null {
  return dates.termStart ? `<${dates.termStart}` : null;
}

/** 1月現在 in a newsletter of 2020.1 is 2020-01; a month later than the issue is the year before. */
function monthOfIssue(month: number, dates: DocumentDates): string | null {
  const issue = /^(\d{4})(?:-(\d{2}))?/u.exec(dates.reportDate ?? '');
  if (!issue || month < 1 || month > 12) return null;
  const year = Number(issue[1]) - (issue[2] && month > Number(issue[2]) ? 1 : 0);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A date written right before a figure, or null. */
export function dateBefore(head: string, dates: DocumentDates): string | null {
  if (beforeTerm.test(head)) return termDate(dates);
  const eraMonth = eraMonthNow.exec(head);
  if (eraMonth) return parseJapaneseDate(`${eraMonth[1]}現在`)?.text ?? null;
  const month = monthNow.exec(head);
  if (month) return monthOfIssue(Number(month[1]), dates);
  const era = eraYear.exec(head);
  return era ? (parseJapaneseDate(era[1] ?? '')?.text ?? null) : null;
}

/** A date in brackets right after a figure: 3682人(R 2.1月15日). */
export function dateAfter(tail: string): string | null {
  const m = bracketAfter.exec(tail);
  return m ? (parseJapaneseDate(m[1] ?? '')?.text ?? null) : null;
}

/** A date anywhere in the clause (令和5年の人口動態で…289人), or the term start for 就任当初. */
export function dateInClause(clause: string, dates: DocumentDates): string | null {
  if (/就任前|就任当初|就任時/u.test(clause)) return termDate(dates);
  const m = clauseDate.exec(clause);
  return m ? (parseJapaneseDate(m[0])?.text ?? null) : null;
}

/**
 * OCR glues an era year to the value after it (H2719.8%): split them again with the figures engine.
 * @example unglueEraValue('H', token) // { date: 'FY2015', value: 19.8, … }
 */
export function unglueEraValue(letter: string, token: FigureToken): FigureToken & { date: string } {
  const split = splitEraPrefixedValue(`${letter}${token.text}`);
  if (!split) return { ...token, date: '' };
  return { ...token, value: split.value, unit: split.unit ?? token.unit, date: split.date };
}
