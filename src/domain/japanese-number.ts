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

const bigUnits: readonly [bigint, string][] = [
  [10n ** 12n, '兆'],
  [10n ** 8n, '億'],
  [10n ** 4n, '万'],
];

// What a formatter shows when the value is not a number: a dash, never "NaN".
const missing = '—';
const minus = '−';

/** Digits of a non-negative number with commas, rounded to `decimals` when given. */
function withCommas(abs: number, decimals?: number): string {
  const digits = decimals === undefined ? undefined : Math.max(0, Math.min(20, Math.trunc(decimals)));
  return abs.toLocaleString('en-US', {
    useGrouping: true,
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: digits ?? 20,
  });
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
