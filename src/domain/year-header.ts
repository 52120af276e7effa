/**
 * The header of a value column in a KPI table as towns publish it: a year in 和暦 or 西暦, as 年 or 年度, perhaps with
 * a word saying what the figures are (実績, 現在, 見込, 目標). A bare 「H25」 names no kind of year, so it is reported
 * as ambiguous rather than guessed: 年 and 年度 differ by a quarter, and a wrong guess moves every value.
 */
import { parseJapaneseDate } from './japanese-date.ts';
import { normalizeFigureText } from './japanese-number.ts';
import { parsePartialDate } from './partial-date.ts';
import { eras } from './wareki.ts';

/** actual: 実績 or a plain year; forecast: 見込・予測, never stored as an actual; target: 目標. */
export type YearHeaderRole = 'actual' | 'forecast' | 'target';

export type YearHeader =
  /** 年度: 平成25年度, H25年度, 2019年度. */
  | { kind: 'fiscal'; year: number; date: string; role: YearHeaderRole }
  /** 年: 平成25年, 2019年, 平成15年末. */
  | { kind: 'calendar'; year: number; date: string; role: YearHeaderRole }
  /** A day or month the figures stand at: 平成15年9月30日現在. */
  | { kind: 'snapshot'; year: number; date: string; role: YearHeaderRole }
  /** A target with no year of its own: 目標, 5ヵ年目標. */
  | { kind: 'target'; year: null; date: null; role: 'target' }
  /** H25 or R1 with neither 年 nor 年度: the choice is the reader's. */
  | {
      kind: 'ambiguous';
      year: number;
      date: null;
      role: YearHeaderRole;
      fiscalDate: string;
      calendarDate: string;
    };

// Longest first, so 実績値 is taken whole and 見込み before 見込.
const roleWords: readonly [string, YearHeaderRole][] = [
  ['実績値', 'actual'],
  ['実績', 'actual'],
  ['末現在', 'actual'],
  ['現在', 'actual'],
  ['見込み', 'forecast'],
  ['見込値', 'forecast'],
  ['見込', 'forecast'],
  ['予測値', 'forecast'],
  ['予測', 'forecast'],
  ['推計', 'forecast'],
  ['目標値', 'target'],
  ['目標', 'target'],
];

const eraLetters = eras.map((e) => e.letter).join('');
const bareLetterEra = new RegExp(`^([${eraLetters}])(元|\\d{1,2})$`, 'iu');
// 5ヵ年, 5か年, 5箇年, 5年間: the length of the plan, not a year.
const planLength = /^(\d{1,2}(?:[ヵヶかカケ箇]年|年間)|計画|最終)?$/u;

function takeRole(text: string): [YearHeaderRole | null, string] {
  for (const [word, role] of roleWords) if (text.endsWith(word)) return [role, text.slice(0, -word.length)];
  return [null, text];
}

/**
 * What a value column's header says about its year, or null when it names no year at all.
 * @example parseYearHeader('平成25年度') // { kind: 'fiscal', year: 2013, date: 'FY2013', role: 'actual' }
 * @example parseYearHeader('H25') // { kind: 'ambiguous', year: 2013, fiscalDate: 'FY2013', calendarDate: '2013', … }
 */
export function parseYearHeader(header: string): YearHeader | null {
  if (typeof header !== 'string') return null;
  const [found, rest] = takeRole(normalizeFigureText(header));
  const role = found ?? 'actual';
  if (found === 'target' && planLength.test(rest))
    return { kind: 'target', year: null, date: null, role: 'target' };
  if (rest === '') return null;
  const bare = bareLetterEra.exec(rest);
  if (bare) {
    const era = (bare[1] ?? '').toUpperCase();
    const fiscal = parseJapaneseDate(`${era}${bare[2]}年度`);
    const calendar = parseJapaneseDate(`${era}${bare[2]}年`);
    if (!fiscal || !calendar) return null;
    return {
      kind: 'ambiguous',
      year: fiscal.year,
      date: null,
      role,
      fiscalDate: fiscal.text,
      calendarDate: calendar.text,
    };
  }
  const date = parsePartialDate(rest) ?? parseJapaneseDate(rest);
  if (!date || date.qualifier !== null || date.precision === 'season') return null;
  const kind =
    date.precision === 'fiscal_year' ? 'fiscal' : date.precision === 'year' ? 'calendar' : 'snapshot';
  return { kind, year: date.year, date: date.text, role };
}
