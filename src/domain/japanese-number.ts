/**
 * Amounts written the way Japanese documents write them: 億/万 grouping in prose, 千円 and ▲ in tables,
 * and read back from the same notations (parseJapaneseNumber), so that the two stay each other's inverse.
 */
import type { valueQualifiers } from './model.ts';

export type ValueQualifier = (typeof valueQualifiers)[number];

export interface FormatAmountOptions {
  /** prose: 3億4,300万円 · table: 343,000千円, negatives with ▲. */
  style?: 'prose' | 'table';
  qualifier?: ValueQualifier | null;
  /** Fixed number of decimals; by default as many as the value has. */
  decimals?: number;
}

// Prose puts 約 before the number; the others follow the unit (23億2,107万円余, 30店舗以上).
const qualifierPrefix: Partial<Record<ValueQualifier, string>> = { about: '約' };
const qualifierSuffix: Partial<Record<ValueQualifier, string>> = {
  over: '余',
  at_least: '以上',
  under: '未満',
  more_than: '超',
};

/** The word each qualifier prints as: 約, 余, 以上, 未満, 超. */
export const qualifierWords = { ...qualifierPrefix, ...qualifierSuffix } as Readonly<
  Record<ValueQualifier, string>
>;

const bigUnits: readonly [bigint, string][] = [
  [10n ** 12n, '兆'],
  [10n ** 8n, '億'],
  [10n ** 4n, '万'],
];

// What a formatter shows when the value is not a number: a dash, never "NaN".
const missing = '—';
const minus = '−';

// One formatter per precision: toLocaleString with options builds a new Intl.NumberFormat on every call, which
// cost a 200-row table more than the rest of its page.
const formatters = new Map<number | undefined, Intl.NumberFormat>();

/** Digits of a non-negative number with commas, rounded to `decimals` when given. */
function withCommas(abs: number, decimals?: number): string {
  const digits = decimals === undefined ? undefined : Math.max(0, Math.min(20, Math.trunc(decimals)));
  let formatter = formatters.get(digits);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat('en-US', {
      useGrouping: true,
      minimumFractionDigits: digits ?? 0,
      maximumFractionDigits: digits ?? 20,
    });
    formatters.set(digits, formatter);
  }
  return formatter.format(abs);
}

/** 343000000 → "3億4,300万"; the fraction, if any, stays with the last group. */
function groupedJa(abs: number, decimals?: number): string {
  const fixed = withCommas(abs, decimals).replaceAll(',', '');
  const [intText, fraction] = fixed.split('.');
  let rest = BigInt(intText ?? '0');
  let out = '';
  for (const [size, name] of bigUnits) {
    const group = rest / size;
    rest %= size;
    if (group > 0n) out += `${withCommas(Number(group))}${name}`;
  }
  if (rest > 0n || out === '' || fraction)
    out += `${withCommas(Number(rest))}${fraction ? `.${fraction}` : ''}`;
  return out;
}

function decorate(body: string, unit: string, qualifier: ValueQualifier | null | undefined): string {
  const prefix = qualifier ? (qualifierPrefix[qualifier] ?? '') : '';
  const suffix = qualifier ? (qualifierSuffix[qualifier] ?? '') : '';
  return `${prefix}${body}${unit}${suffix}`;
}

/**
 * An amount for people to read.
 * @example formatAmount(343000000, '円') // "3億4,300万円"; formatAmount(3536000, '円', { style: 'table' }) // "3,536千円"
 */
export function formatAmount(value: number, unit: string, options: FormatAmountOptions = {}): string {
  if (!Number.isFinite(value)) return missing;
  const { style = 'prose', qualifier = null, decimals } = options;
  if (style === 'table') {
    // Tables count yen in thousands, as Japanese budget sheets do.
    const inThousands = unit === '円';
    const shown = inThousands ? value / 1000 : value;
    const rounded = decimals === undefined && inThousands ? Math.round(shown) : shown;
    const body = withCommas(Math.abs(rounded), decimals);
    const sign = rounded < 0 && !/^[0.]+$/.test(body) ? '▲' : '';
    return decorate(`${sign}${body}`, inThousands ? '千円' : unit, qualifier);
  }
  const body = groupedJa(Math.abs(value), decimals);
  const sign = value < 0 && /[1-9]/.test(body) ? minus : '';
  return decorate(`${sign}${body}`, unit, qualifier);
}

/**
 * The exact value with commas, so a rounded figure can always be checked.
 * @example formatExact(343000000, '円') // "343,000,000円"
 */
export function formatExact(value: number, unit: string): string {
  if (!Number.isFinite(value)) return missing;
  return `${value < 0 ? minus : ''}${withCommas(Math.abs(value))}${unit}`;
}

export interface ParsedNumber {
  value: number;
  unit: string | null;
  qualifier: ValueQualifier | null;
  /** The text as given. */
  text: string;
  /** Present when the text ends in 増/減 (約3200時間減): the value stays positive, the change says which way. */
  change?: 'increase' | 'decrease';
}

const kanjiDigits: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const smallUnits: Record<string, bigint> = { 十: 10n, 百: 100n, 千: 1000n };
const largeUnits: Record<string, bigint> = { 万: 10n ** 4n, 億: 10n ** 8n, 兆: 10n ** 12n };

// Every value is summed as an integer count of 10^-SCALE, so 23.21億 is exactly 2,321,000,000.
const SCALE = 24;
const ONE = 10n ** BigInt(SCALE);

const numeral = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|^[〇零一二三四五六七八九]+/;

/** "3,536.5" or "二〇" as a scaled integer. */
function numeralValue(token: string): bigint {
  if (/^[〇零一二三四五六七八九]+$/.test(token)) {
    return BigInt([...token].map((c) => kanjiDigits[c]).join('')) * ONE;
  }
  const [int = '0', fraction = ''] = token.replaceAll(',', '').split('.');
  return BigInt(int) * ONE + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, '0'));
}

/** A non-negative scaled integer back to a number, rounded once, by Number's own decimal reading. */
function scaledToNumber(scaled: bigint): number {
  const digits = scaled.toString().padStart(SCALE + 1, '0');
  return Number(`${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`);
}

/**
 * Reads the numeral at the head of `text` (3億4300万, 三億四千三百万, 3,536千, 23.21億) and says how far it went.
 * Multipliers must fall within each 万-section (千 before 百 before 十) and across sections (兆, 億, 万).
 */
function readNumeral(text: string): { value: bigint; length: number } | null {
  let total = 0n;
  let section = 0n;
  let current: bigint | null = null;
  let lastSmall = 10n ** 5n;
  let lastLarge = 10n ** 13n;
  let seen = false;
  let i = 0;
  while (i < text.length) {
    const head = numeral.exec(text.slice(i));
    const ch = text[i] ?? '';
    if (head) {
      if (current !== null) break;
      current = numeralValue(head[0]);
      i += head[0].length;
      seen = true;
    } else if (ch in smallUnits) {
      const size = smallUnits[ch] as bigint;
      if (size >= lastSmall) break;
      section += (current ?? ONE) * size;
      current = null;
      lastSmall = size;
      seen = true;
      i += 1;
    } else if (ch in largeUnits && seen) {
      const size = largeUnits[ch] as bigint;
      const part = section + (current ?? 0n);
      if (size >= lastLarge || part === 0n) break;
      total += part * size;
      section = 0n;
      current = null;
      lastSmall = 10n ** 5n;
      lastLarge = size;
      i += 1;
    } else break;
  }
  if (!seen) return null;
  return { value: total + section + (current ?? 0n), length: i };
}

const prefixQualifiers: [string, ValueQualifier][] = [
  ['約', 'about'],
  ['およそ', 'about'],
];
const suffixQualifiers: [string, ValueQualifier][] = [
  ['以上', 'at_least'],
  ['未満', 'under'],
  ['余', 'over'],
  ['超', 'more_than'],
];
const changeSuffixes: [string, 'increase' | 'decrease'][] = [
  ['増加', 'increase'],
  ['減少', 'decrease'],
  ['増', 'increase'],
  ['減', 'decrease'],
];
// A unit is a short word without digits or signs; 以下 has no qualifier in the model, so it is not read.
// A unit starting with a numeral is a numeral that did not read (十千), not a unit.
const unitPattern = /^(?![〇零一二三四五六七八九十百千万億兆])[^\d\s+\-−▲△.,:;/()（）「」～〜~→]{1,12}$/u;

function takePrefix<T>(text: string, options: [string, T][]): [T | null, string] {
  for (const [word, meaning] of options) if (text.startsWith(word)) return [meaning, text.slice(word.length)];
  return [null, text];
}

function takeSuffix<T>(text: string, options: [string, T][]): [T | null, string] {
  for (const [word, meaning] of options)
    if (text.endsWith(word)) return [meaning, text.slice(0, -word.length)];
  return [null, text];
}

/**
 * Full-width digits and signs to ASCII, whitespace and line breaks out (PDF text breaks inside numbers).
 * @example normalizeFigureText('23億 2107万\n円余') // "23億2107万円余"
 */
export function normalizeFigureText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * Reads one figure as Japanese documents write it; null for anything else.
 * @example parseJapaneseNumber('23億2107万円余') // { value: 2321070000, unit: '円', qualifier: 'over', text: '23億2107万円余' }
 */
export function parseJapaneseNumber(text: string): ParsedNumber | null {
  if (typeof text !== 'string') return null;
  let rest = normalizeFigureText(text);
  const [about, afterPrefix] = takePrefix(rest, prefixQualifiers);
  rest = afterPrefix;
  const [sign, afterSign] = takePrefix(rest, [
    ['▲', -1n],
    ['△', -1n],
    ['-', -1n],
    ['−', -1n],
    ['マイナス', -1n],
    ['+', 1n],
    ['プラス', 1n],
  ]);
  const numeralRead = readNumeral(afterSign);
  if (!numeralRead) return null;
  rest = afterSign.slice(numeralRead.length);
  const [change, beforeChange] = takeSuffix(rest, changeSuffixes);
  const [suffix, beforeSuffix] = takeSuffix(beforeChange, suffixQualifiers);
  // 余 may also sit between number and unit: 300余人.
  const [innerOver, unitText] = suffix
    ? [null, beforeSuffix]
    : takePrefix(beforeSuffix, [['余', 'over' as const]]);
  if (unitText !== '' && (!unitPattern.test(unitText) || unitText.endsWith('以下'))) return null;
  const qualifiers = [about, suffix, innerOver].filter((q) => q !== null);
  if (qualifiers.length > 1) return null;
  const value = (sign === -1n ? -1 : 1) * scaledToNumber(numeralRead.value);
  if (!Number.isFinite(value)) return null;
  return {
    value: Object.is(value, -0) ? 0 : value,
    unit: unitText === '' ? null : unitText,
    qualifier: qualifiers[0] ?? null,
    text,
    ...(change ? { change } : {}),
  };
}

export interface CountOfTotal {
  value: number;
  outOf: number;
  unit: string | null;
}

const positiveInteger = (n: number) => Number.isInteger(n) && n > 0;

/**
 * A part of a whole: 61/68区, or 68区中61区.
 * @example parseCountOfTotal('61/68区') // { value: 61, outOf: 68, unit: '区' }
 */
export function parseCountOfTotal(text: string): CountOfTotal | null {
  const flat = normalizeFigureText(text);
  const slash = /^([^/]+)\/([^/]+)$/.exec(flat);
  const among = /^(.+?)中(.+)$/.exec(flat);
  const [partText, wholeText] = slash ? [slash[1], slash[2]] : among ? [among[2], among[1]] : [];
  if (!partText || !wholeText) return null;
  const part = parseJapaneseNumber(partText);
  const whole = parseJapaneseNumber(wholeText);
  if (!part || !whole || part.qualifier || whole.qualifier || part.change || whole.change) return null;
  // A rank is not a share of its field (parseRank reads those).
  if (part.unit === '位' || whole.unit === '位') return null;
  if (part.unit && whole.unit && part.unit !== whole.unit) return null;
  if (part.value < 0 || !(whole.value > 0) || part.value > whole.value) return null;
  return { value: part.value, outOf: whole.value, unit: whole.unit ?? part.unit };
}

export interface Rank {
  value: number;
  rankOf: number;
  unit: '位';
}

/**
 * A rank in a field, in either order: 25位 812市区中, or 77市町村中5位.
 * @example parseRank('77市町村中5位') // { value: 5, rankOf: 77, unit: '位' }
 */
export function parseRank(text: string): Rank | null {
  const flat = normalizeFigureText(text);
  const rankFirst = /^(.+?位)(?:\/(.+)|(.+)中)$/.exec(flat);
  const fieldFirst = /^(.+?)中(.+?位)$/.exec(flat);
  const [rankText, fieldText] = rankFirst
    ? [rankFirst[1], rankFirst[2] ?? rankFirst[3]]
    : fieldFirst
      ? [fieldFirst[2], fieldFirst[1]]
      : [];
  if (!rankText || !fieldText) return null;
  const rank = parseJapaneseNumber(rankText);
  const field = parseJapaneseNumber(fieldText);
  if (!rank || !field || rank.unit !== '位' || rank.qualifier || field.qualifier) return null;
  if (field.unit === '位' || !positiveInteger(rank.value) || !positiveInteger(field.value)) return null;
  if (rank.value > field.value) return null;
  return { value: rank.value, rankOf: field.value, unit: '位' };
}
