/** The comparison page's words in the site's two languages. */
import { comparableCountLimit } from '../../domain/comparison/index.ts';
import type { Lang } from '../i18n/index.ts';

export const compareWords = {
  ja: {
    compare: '他の自治体と比べる',
    compareLink: (n: number) => `他の自治体と比べる（${n}団体${n >= comparableCountLimit ? '以上' : ''}）`,
    title: (name: string) => `「${name}」を団体ごとに比べる`,
    heading: (name: string) => `「${name}」を団体ごとに比べる`,
    scopeAll: (n: number) => `対象: 値のあるすべての団体（${n}団体）`,
    scopePrefecture: (code: string, n: number) => `対象: 都道府県コード ${code} の団体（${n}団体）`,
    scopeCodes: (asked: number, n: number) => `対象: 指定した${asked}団体のうち値のある${n}団体`,
    missing: (codes: string) => `この定義の公開された値がない団体コード: ${codes}`,
    none: 'この対象には、この定義の公開された値がありません。',
    rules: '比べ方',
    chartTitle: (name: string, unit: string) => `${name}${unit === '' ? '' : `（${unit}）`}の団体別の比較`,
    tableCaption: (from: number, to: number, total: number) =>
      `団体別の最新の実績値（${total}団体中 ${from}〜${to}位の行）`,
    rank: '順位',
    organization: '団体',
    value: '値（出典）',
    date: '日付',
    indicator: '指標のページ',
    tied: '（同順位）',
    group: '比べる団体を選ぶ',
    codes: '全国地方公共団体コード（コンマ区切り、例 162094,202088）',
    prefecture: '都道府県コード（2桁、例 20）',
    apply: '比べる',
    reset: 'すべての団体',
    pages: '比較のページ',
    page: (page: number, count: number) => `${count}ページ中 ${page}ページ目`,
    api: 'この比較の JSON（API）',
  },
  en: {
    compare: 'Compare with other municipalities',
    compareLink: (n: number) =>
      `Compare with other municipalities (${n}${n >= comparableCountLimit ? ' or more' : ''} ${n === 1 ? 'organization' : 'organizations'})`,
    title: (name: string) => `Comparing “${name}” across organizations`,
    heading: (name: string) => `Comparing “${name}” across organizations`,
    scopeAll: (n: number) => `Compared: every organization with a value (${n})`,
    scopePrefecture: (code: string, n: number) => `Compared: organizations of prefecture code ${code} (${n})`,
    scopeCodes: (asked: number, n: number) =>
      `Compared: ${n} of the ${asked} organizations asked for have a value`,
    missing: (codes: string) => `Codes with no published value of this definition: ${codes}`,
    none: 'No organization in this group has a published value of this definition.',
    rules: 'How this is compared',
    chartTitle: (name: string, unit: string) => `${name}${unit === '' ? '' : ` (${unit})`} by organization`,
    tableCaption: (from: number, to: number, total: number) =>
      `Latest observation by organization (rows ranked ${from}–${to} of ${total})`,
    rank: 'Rank',
    organization: 'Organization',
    value: 'Value (source)',
    date: 'Date',
    indicator: 'Indicator page',
    tied: ' (tied)',
    group: 'Choose the organizations',
    codes: 'Municipality codes (comma-separated, e.g. 162094,202088)',
    prefecture: 'Prefecture code (2 digits, e.g. 20)',
    apply: 'Compare',
    reset: 'All organizations',
    pages: 'Comparison pages',
    page: (page: number, count: number) => `Page ${page} of ${count}`,
    api: 'This comparison as JSON (API)',
  },
} as const satisfies Record<Lang, unknown>;

export type CompareWords = (typeof compareWords)[Lang];
