/** The chart's rule in words: one sentence a screen reader reads instead of the picture. */
import { type ChartLang, shortPeriodLabel } from './chart-labels.ts';
import type { ChartPoint, ChartSeries, ChartTarget } from './chart-series.ts';

function trendJa(name: string, points: ChartPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${name}の実績値はまだありません。`;
  const from = `${shortPeriodLabel(first.date, 'ja')}${first.label}`;
  if (first === last) return `${name}は${from}。`;
  return `${name}は${from}から${shortPeriodLabel(last.date, 'ja')}${last.label}へ。`;
}

function trendEn(name: string, points: ChartPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${name}: no values yet.`;
  const from = `${first.label} in ${shortPeriodLabel(first.date, 'en')}`;
  if (first === last) return `${name}: ${from}.`;
  return `${name}: from ${from} to ${last.label} in ${shortPeriodLabel(last.date, 'en')}.`;
}

function targetJa(target: ChartTarget | null): string {
  if (!target) return '目標は未設定。';
  return target.date
    ? `目標は${shortPeriodLabel(target.date, 'ja')}に${target.valueLabel}。`
    : `目標は${target.valueLabel}。`;
}

function targetEn(target: ChartTarget | null): string {
  if (!target) return 'No target set.';
  return target.date
    ? `Target: ${target.valueLabel} by ${shortPeriodLabel(target.date, 'en')}.`
    : `Target: ${target.valueLabel}.`;
}

/**
 * The summary sentence of a chart.
 * @example chartSummary('女性係長級以上比率', series, 'ja') // "女性係長級以上比率は2015年度19.8%から2023年度29.2%へ。目標は未設定。"
 */
export function chartSummary(name: string, series: ChartSeries, lang: ChartLang): string {
  return lang === 'en'
    ? `${trendEn(name, series.points)} ${targetEn(series.target)}`
    : `${trendJa(name, series.points)}${targetJa(series.target)}`;
}
