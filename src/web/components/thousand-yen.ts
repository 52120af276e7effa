/** Yen in the 千円 of Japanese tables, and thousands of yen in English: ▲1,200千円 / −¥1,200k. */
import { formatAmount } from '../../domain/japanese-number.ts';
import type { Lang } from '../i18n/index.ts';

/** @example thousandYen(-1_200_000, 'ja') // "▲1,200千円"; thousandYen(51_465_000, 'en') // "¥51,465k" */
export function thousandYen(yen: number, lang: Lang): string {
  if (lang === 'ja') return formatAmount(yen, '円', { style: 'table' });
  const k = new Intl.NumberFormat('en').format(Math.round(Math.abs(yen) / 1000));
  return `${yen < 0 ? '−' : ''}¥${k}k`;
}
