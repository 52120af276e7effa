/**
 * Headline figures of a cover: a paragraph that is nothing but a figure (「25位 812 市区中」, 「23億 2107万\n円余」),
 * named by the paragraph under it and dated by the words under that (「ランキング 2023」, 「2016年4月～2023年12月末現在」).
 */
import { parseJapaneseDate, parseJapanesePeriod } from '../../domain/japanese-date.ts';
import {
  normalizeFigureText,
  parseJapaneseNumber,
  parseRank,
  type ValueQualifier,
} from '../../domain/japanese-number.ts';
import { unitWords } from './figure-tokens.ts';

export interface CoverFigure {
  value: number;
  unit: string;
  qualifier: ValueQualifier | null;
  rankOf: number | null;
  text: string;
  date: string | null;
  name: string;
  line: number;
}

export interface Paragraph {
  line: number;
  text: string;
}

function figuresOf(flat: string): Omit<CoverFigure, 'date' | 'name' | 'line'>[] {
  const rank = parseRank(flat);
  if (rank) return [{ value: rank.value, unit: '位', qualifier: null, rankOf: rank.rankOf, text: flat }];
  // 「5位 289 人」: a rank whose field is printed elsewhere, beside the count it ranks.
  const pair = /^(\d+)位(.+)$/u.exec(flat);
  const rest = pair ? parseJapaneseNumber(pair[2] ?? '') : null;
  if (pair && rest?.unit && unitWords.includes(rest.unit)) {
    return [
      { value: Number(pair[1]), unit: '位', qualifier: null, rankOf: null, text: `${pair[1]}位` },
      { value: rest.value, unit: rest.unit, qualifier: rest.qualifier, rankOf: null, text: pair[2] ?? '' },
    ];
  }
  const figure = parseJapaneseNumber(flat);
  // Only a counting unit makes a headline figure: 「2020.1 発行」 is a date, not 2020.1 発行s.
  if (!figure?.unit || figure.change || !unitWords.includes(figure.unit)) return [];
  return [{ value: figure.value, unit: figure.unit, qualifier: figure.qualifier, rankOf: null, text: flat }];
}

/** The period's end for a running total (…～2023年12月末現在), else the year named (ランキング 2023). */
function dateOf(words: string): string | null {
  const flat = normalizeFigureText(words);
  const period = /(\d{4}年\d{1,2}月)[~～〜](\d{4}年\d{1,2}月)/u.exec(flat);
  const span = period ? parseJapanesePeriod(`${period[1]}~${period[2]}`) : null;
  if (span) return span.end.text;
  const year = /(?:^|\D)((?:19|20)\d{2})(?!\d)/u.exec(flat);
  return year ? (parseJapaneseDate(`${year[1]}年`)?.text ?? null) : null;
}

/**
 * Reads the cover's figures from the paragraphs before the first pillar.
 * @example readCoverFigures([{ line: 9, text: '25位 812 市区中' }, { line: 11, text: '住みよさランキング 2023' }])
 *   // [{ value: 25, unit: '位', rankOf: 812, date: '2023', name: '住みよさランキング 2023', … }]
 */
export function readCoverFigures(paragraphs: Paragraph[]): CoverFigure[] {
  return paragraphs.flatMap((p, i) => {
    const found = figuresOf(normalizeFigureText(p.text));
    if (found.length === 0) return [];
    const label = paragraphs[i + 1]?.text ?? '';
    const date = dateOf(`${label}。${paragraphs[i + 2]?.text ?? ''}`);
    const name = label.replace(/\s+/gu, ' ').trim() || p.text;
    return found.map((f) => ({ ...f, date, name, line: p.line }));
  });
}
