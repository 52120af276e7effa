/**
 * Warnings for a figure that compares unlike things: 679万円 「就任前」 against 「1月現在」 3億4300万 gives
 * +4,951.5%, true as arithmetic but comparing a value of unknown date with a figure that may run only to January.
 * Each caveat is drawn from what the source printed (its dates and words), never guessed from the numbers.
 */
import type { IndicatorValue } from '../model.ts';
import { type PartialDate, parsePartialDate } from '../partial-date.ts';
import { formatPartialDate } from '../wareki.ts';
import { dateInWords } from './measured.ts';

export interface Caveat {
  code: 'vague_date' | 'different_precision' | 'part_of_period' | 'running_total';
  ja: string;
  en: string;
}

const precisionWords: Record<PartialDate['precision'], { ja: string; en: string }> = {
  day: { ja: '日付', en: 'a day' },
  month: { ja: '月', en: 'a month' },
  season: { ja: '季節', en: 'a season' },
  fiscal_year: { ja: '年度', en: 'a fiscal year' },
  year: { ja: '年', en: 'a year' },
};

const wholePeriods = new Set<PartialDate['precision']>(['fiscal_year', 'year']);
// Printed words that mark a value as counted up to a point in time (1月現在) or added up (累計).
const asOfWords = /現在|時点|まで/;
const runningTotalWords = /累計|延べ|通算/;

/**
 * What a reader should know before trusting a comparison of `from` with `to`, in Japanese and English.
 * @example comparisonCaveats(就任前679万, 1月現在3億4300万)[0].ja // "基準値の時点は「2016年4月以前」としか分からない"
 */
export function comparisonCaveats(from: IndicatorValue, to: IndicatorValue): Caveat[] {
  const caveats: Caveat[] = [];
  const [a, b] = [from.date, to.date].map((d) => (d === null ? null : parsePartialDate(d)));
  for (const [point, date, ja, en] of [
    [from, a, '基準', 'earlier'],
    [to, b, '比べる', 'later'],
  ] as const) {
    if (date?.qualifier === 'before' && point.date !== null) {
      caveats.push({
        code: 'vague_date',
        ja: `${ja}値の時点は「${dateInWords(point.date)}」としか分からない`,
        en: `the ${en} value is dated only as “${formatPartialDate(point.date, 'en')}”`,
      });
    }
  }
  if (a && b && a.precision !== b.precision) {
    const [pa, pb] = [precisionWords[a.precision], precisionWords[b.precision]];
    caveats.push({
      code: 'different_precision',
      ja: `時点の示し方が違う値（${pa.ja}と${pb.ja}）を比べている`,
      en: `the values are dated differently (${pa.en} against ${pb.en})`,
    });
  }
  const partial = [from, to].find((p) => asOfWords.test(p.text ?? ''));
  const oneWhole = (a && wholePeriods.has(a.precision)) || (b && wholePeriods.has(b.precision));
  if (partial || (oneWhole && a && b && a.precision !== b.precision)) {
    caveats.push({
      code: 'part_of_period',
      ja: partial
        ? `「${partial.text}」は途中までの値の可能性があり、1年分の値と同じには比べられない`
        : '1年分の値と年の途中の値を比べている可能性がある',
      en: partial
        ? `“${partial.text}” may count only part of a year, so it does not compare like for like with a full year`
        : 'a full year may be compared with part of one',
    });
  }
  const total = [from, to].find((p) => runningTotalWords.test(p.text ?? ''));
  if (total) {
    caveats.push({
      code: 'running_total',
      ja: `「${total.text}」は累計の値で、1年ごとの値とは比べられない`,
      en: `“${total.text}” is a running total, not a yearly value`,
    });
  }
  return caveats;
}
