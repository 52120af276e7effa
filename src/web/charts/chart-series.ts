/**
 * What an indicator chart plots: the baseline and observations in time order and the target, as numbers
 * an axis can hold. Counts of a whole (61 of 68 区) are plotted as a rate in %; values that are not finite
 * or that have no date cannot be placed on the axis and are left to the table.
 */
import type { Indicator, IndicatorValue } from '../../domain/model.ts';
import { comparePartialDates, type PartialDate, parsePartialDate } from '../../domain/partial-date.ts';
import { amountLabel, type ChartLang, pointValueLabel, rateLabel, shortPeriodLabel } from './chart-labels.ts';

export interface ChartPoint {
  kind: 'baseline' | 'observation';
  /** The canonical partial date, e.g. "FY2019", as the axis label names it. */
  date: string;
  /** Where the date sits on the time axis, in ms since 1970: see timeOnAxis. */
  time: number;
  /** The number on the y axis: the value, or the rate in % for a count of a whole. */
  plotted: number;
  /** The value in words, e.g. "29.2%", "25位", "61区／68区（89.7%）". */
  label: string;
}

export interface ChartTarget {
  plotted: number;
  /** 「目標 45%」, with the date when the source gives one: 「目標 45%（2024年度）」. */
  label: string;
  valueLabel: string;
  date: string | null;
}

export interface ChartSeries {
  points: ChartPoint[];
  target: ChartTarget | null;
  /** Rank indicators put 1位 at the top. */
  inverse: boolean;
  /** The unit of the y axis: the indicator's, or % when counts of a whole are plotted as rates. */
  axisUnit: string;
}

// Beyond this a number is no municipal figure, and ECharts' tick arithmetic loses precision.
const largestPlottable = 1e15;
// ECharts cannot find ticks for an extent narrower than this (it asserts); such a value is drawn at 0.
const smallestPlottable = 1e-9;

function isPlottable(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) < largestPlottable;
}

function snapToZero(x: number): number {
  return Math.abs(x) < smallestPlottable ? 0 : x;
}

function plottedValue(point: IndicatorValue, asRate: boolean, unit: string): number | null {
  if (!asRate) return point.value;
  if (point.outOf) return (point.value / point.outOf) * 100;
  return unit === '%' || unit === '％' ? point.value : null;
}

const dayMs = 86_400_000;

/**
 * A period's place on a time axis: the middle of the days it stands for, so 2019年度 (April 2019 – March 2020)
 * sits half a year right of 2019年 and points are as far apart as their dates. A value known only as
 * 「…以前」 (就任前) sits at the start of the period it preceded.
 * @example timeOnAxis(parsePartialDate('FY2019')!) // Date.UTC(2019, 9, 1) (1 October 2019)
 */
export function timeOnAxis(date: PartialDate): number {
  const start = Date.parse(`${date.start}T00:00:00Z`);
  if (date.qualifier === 'before') return start;
  const end = Date.parse(`${date.end}T00:00:00Z`) + dayMs;
  return start + Math.round((end - start) / 2 / dayMs) * dayMs;
}

function toChartPoint(
  point: IndicatorValue,
  kind: ChartPoint['kind'],
  indicator: Indicator,
  asRate: boolean,
  lang: ChartLang,
): ChartPoint | null {
  const parsed = point.date === null ? null : parsePartialDate(point.date);
  if (point.date === null || parsed === null) return null;
  const plotted = plottedValue(point, asRate, indicator.unit);
  if (plotted === null || !isPlottable(plotted)) return null;
  return {
    kind,
    date: point.date,
    time: timeOnAxis(parsed),
    plotted: snapToZero(plotted),
    label: pointValueLabel(point, indicator.unit, lang),
  };
}

function byDate(a: ChartPoint, b: ChartPoint): number {
  const order = comparePartialDates(parsePartialDate(a.date)!, parsePartialDate(b.date)!);
  // On the same date the baseline comes first, as it is what the observation is measured from.
  return order !== 0 ? order : a.kind === b.kind ? 0 : a.kind === 'baseline' ? -1 : 1;
}

function toChartTarget(indicator: Indicator, asRate: boolean, lang: ChartLang): ChartTarget | null {
  const target = indicator.target;
  if (!target) return null;
  const plotted = plottedValue(target, asRate, indicator.unit);
  if (plotted === null || !isPlottable(plotted)) return null;
  const valueText = asRate
    ? rateLabel(plotted)
    : amountLabel(target.value, indicator.unit, lang, target.qualifier);
  const date = target.date && parsePartialDate(target.date) ? target.date : null;
  const head = lang === 'en' ? `Target ${valueText}` : `目標 ${valueText}`;
  const label =
    date === null
      ? head
      : lang === 'en'
        ? `${head} (${shortPeriodLabel(date, lang)})`
        : `${head}（${shortPeriodLabel(date, lang)}）`;
  return { plotted: snapToZero(plotted), label, valueLabel: valueText, date };
}

/**
 * The points and target of an indicator's chart.
 * @example chartSeriesOf(indicator, 'ja').points // [{ kind: 'baseline', date: 'FY2015', plotted: 19.8, label: '19.8%' }, …]
 */
export function chartSeriesOf(indicator: Indicator, lang: ChartLang): ChartSeries {
  const all = [indicator.baseline, indicator.target, ...indicator.observations];
  const asRate = all.some((p) => p?.outOf);
  const points: ChartPoint[] = [];
  if (indicator.baseline) {
    const baseline = toChartPoint(indicator.baseline, 'baseline', indicator, asRate, lang);
    if (baseline) points.push(baseline);
  }
  for (const observation of indicator.observations) {
    const point = toChartPoint(observation, 'observation', indicator, asRate, lang);
    if (point) points.push(point);
  }
  return {
    points: points.sort(byDate),
    target: toChartTarget(indicator, asRate, lang),
    inverse: indicator.direction === 'rank',
    axisUnit: asRate ? '%' : indicator.unit,
  };
}
