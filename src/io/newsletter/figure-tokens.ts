/**
 * Finds the figures written inside one newsletter line (102件, 3,536千円, H2719.8%, R元:61/68区, 77市町村中5位)
 * and reads each with the figures engine; which date a figure has is decided in figure-dates.ts.
 */
import {
  normalizeFigureText,
  parseCountOfTotal,
  parseJapaneseNumber,
  parseRank,
  type ValueQualifier,
} from '../../domain/japanese-number.ts';

export interface FigureToken {
  value: number;
  unit: string | null;
  qualifier: ValueQualifier | null;
  outOf: number | null;
  rankOf: number | null;
  change: 'increase' | 'decrease' | null;
  /** Explicit sign (-12.81%): a change, not a level. */
  signed: boolean;
  /** The figure's words in the flattened line. */
  text: string;
  start: number;
  end: number;
}

// Units a newsletter counts in. A closed list keeps 第3次, 2期, 6次産業 and street numbers out.
export const unitWords = [
  '千円',
  '万円',
  '億円',
  '円',
  '人',
  '件',
  '%',
  '時間',
  '店舗',
  '地区',
  '区',
  '団体',
  '倍',
  'ポイント',
  '箇所',
  'か所',
  '校',
  '社',
];
const num = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const units = unitWords.join('|');
const amount = new RegExp(
  String.raw`(約)?([-−▲+])?((?:${num}[兆億万千]?)+)(余)?(${units})?(余|以上|超|未満)?(増加|減少|増|減)?`,
  'gu',
);
const countOfTotal = new RegExp(String.raw`(\d+)\/(\d+)(${units})`, 'gu');
const rankFieldFirst = /(\d+)(?:市町村|市区町村|市区|自治体|団体)?中(\d+)位/gu;
const rankFirst = /(\d+)位(\d+)(?:市町村|市区町村|市区|自治体)中/gu;

/** The line as the figure reader sees it: NFKC, no spaces (OCR splits 500 円), no OCR brace debris. */
export function flattenLine(text: string): string {
  return normalizeFigureText(text).replace(/[_{}]/gu, '');
}

function overlaps(taken: FigureToken[], start: number, end: number): boolean {
  return taken.some((t) => start < t.end && end > t.start);
}

function blank(start: number, text: string): Omit<FigureToken, 'value' | 'unit'> {
  const base = { qualifier: null, outOf: null, rankOf: null, change: null, signed: false };
  return { ...base, text, start, end: start + text.length };
}

function ranks(flat: string): FigureToken[] {
  const found: FigureToken[] = [];
  for (const pattern of [rankFieldFirst, rankFirst]) {
    for (const m of flat.matchAll(pattern)) {
      const rank = parseRank(m[0]);
      if (rank) found.push({ ...blank(m.index, m[0]), value: rank.value, unit: '位', rankOf: rank.rankOf });
    }
  }
  return found;
}

function counts(flat: string, taken: FigureToken[]): FigureToken[] {
  const found: FigureToken[] = [];
  for (const m of flat.matchAll(countOfTotal)) {
    const count = parseCountOfTotal(m[0]);
    if (!count || overlaps(taken, m.index, m.index + m[0].length)) continue;
    found.push({ ...blank(m.index, m[0]), value: count.value, unit: count.unit, outOf: count.outOf });
  }
  return found;
}

/** A bare amount (679万) is money only when the line speaks of money. */
function moneyContext(flat: string): boolean {
  return /円|金額|納税|寄付|寄附|予算|決算|税収/u.test(flat);
}

function amounts(flat: string, taken: FigureToken[]): FigureToken[] {
  const found: FigureToken[] = [];
  for (const m of flat.matchAll(amount)) {
    const [text, , sign, digits = '', , unit] = m;
    const end = m.index + text.length;
    if (overlaps(taken, m.index, end) || flat[m.index - 1] === '第') continue;
    const multiplied = /[万億兆]/u.test(digits);
    if (!unit && !(multiplied && moneyContext(flat))) continue;
    const parsed = parseJapaneseNumber(text);
    if (!parsed) continue;
    found.push({
      ...blank(m.index, text),
      value: parsed.value,
      unit: parsed.unit ?? '円',
      qualifier: parsed.qualifier,
      change: parsed.change ?? null,
      signed: sign !== undefined,
    });
  }
  return found;
}

/**
 * Every figure with a unit in a flattened line, left to right.
 * @example findFigureTokens('H28:102件3,536千円').map((t) => t.value) // [102, 3536000]
 */
export function findFigureTokens(flat: string): FigureToken[] {
  const taken = ranks(flat);
  taken.push(...counts(flat, taken));
  taken.push(...amounts(flat, taken));
  return taken.sort((a, b) => a.start - b.start);
}
