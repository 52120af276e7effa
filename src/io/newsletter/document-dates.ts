/** When a newsletter was issued and when the term it reports on began, read from its own words. */
import { parseJapaneseDate, parseJapanesePeriod } from '../../domain/japanese-date.ts';
import { normalizeFigureText } from '../../domain/japanese-number.ts';
import type { DocumentDates } from './figure-dates.ts';

const issue = [/(\d{4}\.\d{1,2})\s*発行/u, /[<＜](\d{4}年\d{1,2}月)号[>＞]/u, /(\d{4}年\d{1,2}月)\s*発行/u];
const tookOffice = /((?:平成|令和)(?:元|\d{1,2})年\d{1,2}月|\d{4}年\d{1,2}月)に[^。]{0,12}就任/u;
const period = /(\d{4}(?:年\d{1,2}月|\.\d{1,2}))[~～〜](\d{4}(?:年\d{1,2}月|\.\d{1,2}))/u;

export interface NewsletterDates extends DocumentDates {
  /** The period the newsletter looks back on, e.g. 2016-04 .. 2020-01. */
  period: { start: string; end: string } | null;
}

/**
 * Reads the issue date (2020.1 発行, <2024年2月号>), the start of the term (平成28年4月に…就任) and the period covered.
 * @example readNewsletterDates('2020.1 発行\n平成28年4月に小諸市長に就任').termStart // "2016-04"
 */
export function readNewsletterDates(text: string): NewsletterDates {
  // Paragraphs joined, as PDF text breaks 「2023年\n12月末」 inside a date.
  const flat = normalizeFigureText(text.replace(/\n\s*\n/gu, '。'));
  const issued = issue.map((p) => p.exec(flat)?.[1]).find((m) => m !== undefined);
  const reportDate = issued ? (parseJapaneseDate(issued)?.text ?? null) : null;
  const covered = period.exec(flat);
  const span = covered ? parseJapanesePeriod(`${covered[1]}~${covered[2]}`) : null;
  const office = tookOffice.exec(flat)?.[1];
  const termStart = (office ? parseJapaneseDate(office)?.text : span?.start.text) ?? null;
  return {
    reportDate,
    termStart,
    period: span ? { start: span.start.text, end: span.end.text } : null,
  };
}
