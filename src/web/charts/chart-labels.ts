/**
 * The words a chart and its table use for periods and values, in Japanese or English.
 * Domain formatters do the work; this file only picks the short or long form a chart needs.
 */

import { formatRate } from '../../domain/figures/number-text.ts';
import { formatAmount, type ValueQualifier } from '../../domain/japanese-number.ts';
import type { IndicatorValue } from '../../domain/model.ts';
import { formatPartialDate } from '../../domain/wareki.ts';

export type ChartLang = 'ja' | 'en';

/** A period with 西暦 and 和暦: periodLabel('FY2019') → "2019年度（令和元年度）". */
export function periodLabel(date: string, lang: ChartLang): string {
  return formatPartialDate(date, lang);
}

/**
 * The 西暦 part alone, short enough for an axis tick: shortPeriodLabel('FY2019') → "2019年度".
 * formatPartialDate puts the 和暦 in brackets after the 西暦, so the text before the bracket is the short form.
 */
export function shortPeriodLabel(date: string, lang: ChartLang): string {
  const full = formatPartialDate(date, lang);
  const bracket = full.indexOf('（');
  return bracket > 0 ? full.slice(0, bracket) : full;
}

const enNumber = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

const qualifierEn: Record<ValueQualifier, string> = {
  about: 'about ',
  over: 'over ',
  at_least: 'at least ',
  under: 'under ',
  more_than: 'more than ',
};

const isPercent = (unit: string) => unit === '%' || unit === '％';

/** An amount in its unit: amountLabel(343000000, '円', 'ja') → "3億4,300万円". */
export function amountLabel(
  value: number,
  unit: string,
  lang: ChartLang,
  qualifier: ValueQualifier | null = null,
): string {
  if (lang === 'ja') return formatAmount(value, unit, { qualifier });
  if (!Number.isFinite(value)) return '—';
  return `${qualifier ? qualifierEn[qualifier] : ''}${withUnitEn(enNumber.format(value), unit)}`;
}

function withUnitEn(number: string, unit: string): string {
  if (isPercent(unit)) return `${number}%`;
  // English has no counter word for a rank: 25位 reads "No. 25".
  return unit === '位' ? `No. ${number}` : `${number} ${unit}`;
}

const enCompact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** A y-axis tick: 億/万 in Japanese, compact in English: tickLabel(3e8, '円', 'en') → "300M 円". */
export function tickLabel(value: number, unit: string, lang: ChartLang): string {
  if (lang === 'ja') return formatAmount(value, unit);
  return withUnitEn(enCompact.format(value), unit);
}

/** A rate in percent: rateLabel(89.705) → "89.7%". */
export function rateLabel(value: number): string {
  return Number.isFinite(value) ? formatRate(value) : '—';
}

/**
 * A value as a reader needs it, with its whole or its field: pointValueLabel(61 of 68, '区', 'ja') → "61区／68区（89.7%）",
 * pointValueLabel(25 of 812, '位', 'ja') → "25位（812中）".
 */
export function pointValueLabel(point: IndicatorValue, unit: string, lang: ChartLang): string {
  const amount = amountLabel(point.value, unit, lang, point.qualifier);
  if (point.outOf) {
    const whole = amountLabel(point.outOf, unit, lang);
    const rate = rateLabel((point.value / point.outOf) * 100);
    return lang === 'en' ? `${amount} of ${whole} (${rate})` : `${amount}／${whole}（${rate}）`;
  }
  if (point.rankOf) return lang === 'en' ? `${amount} of ${point.rankOf}` : `${amount}（${point.rankOf}中）`;
  return amount;
}
