/**
 * The ECharts option of an indicator chart: a line of observations, the baseline as an orange diamond
 * labelled 「基準」, the target as a dashed grey line. No animation, tooltip or legend: the chart is a
 * static picture, and the words are in its <desc> and in the table beside it.
 */

import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { type ChartLang, shortPeriodLabel, tickLabel } from './chart-labels.ts';
import type { ChartPoint, ChartSeries } from './chart-series.ts';
import { chartTheme } from './chart-theme.ts';
import { type AxisBounds, niceAxisBounds } from './nice-axis.ts';

export type IndicatorChartOption = ComposeOption<
  LineSeriesOption | ScatterSeriesOption | GridComponentOption | MarkLineComponentOption
>;

/** The drawing's size in SVG units and its type size: the page scales the drawing to its column. */
export interface ChartLayout {
  width: number;
  fontSize: number;
}

export const defaultChartLayout: ChartLayout = { width: 720, fontSize: chartTheme.fontSize };

const textStyleOf = (layout: ChartLayout) => ({
  color: chartTheme.text,
  fontFamily: chartTheme.fontFamily,
  fontSize: layout.fontSize,
});

type TextStyle = ReturnType<typeof textStyleOf>;

/** The line runs through every dated value; where an observation shares the baseline's date, it wins. */
function linePoints(points: ChartPoint[]): ChartPoint[] {
  const observedDates = new Set(points.filter((p) => p.kind === 'observation').map((p) => p.date));
  return points.filter((p) => p.kind === 'observation' || !observedDates.has(p.date));
}

// Beyond this many values the labels would overlap into a smear (and a 200-month series would weigh 100 KB): the
// line then carries the first and last values' markers and labels, and the table beneath gives every value.
const labelledPointsAtMost = 12;
const labelled = (index: number, count: number) =>
  count <= labelledPointsAtMost || index === 0 || index === count - 1;

function lineSeries(series: ChartSeries, lang: ChartLang, textStyle: TextStyle): LineSeriesOption {
  const target = series.target;
  return {
    type: 'line',
    silent: true,
    color: chartTheme.series,
    lineStyle: { color: chartTheme.series, width: 2 },
    symbol: 'circle',
    symbolSize: 7,
    itemStyle: { color: chartTheme.series },
    label: { show: true, position: 'top', ...textStyle, color: chartTheme.series },
    data: linePoints(series.points).map((p, n, all) =>
      // The baseline's own marker and label are drawn by the baseline series.
      p.kind === 'baseline'
        ? { value: [p.time, p.plotted], symbol: 'none', label: { show: false } }
        : labelled(n, all.length)
          ? { value: [p.time, p.plotted], label: { formatter: p.label } }
          : { value: [p.time, p.plotted], symbol: 'none', label: { show: false } },
    ),
    markLine: target
      ? {
          silent: true,
          symbol: ['none', 'none'],
          lineStyle: { color: chartTheme.target, type: 'dashed', width: 1.5 },
          label: {
            formatter: target.label,
            position: 'insideEndTop',
            ...textStyle,
            color: chartTheme.target,
          },
          data: [{ yAxis: target.plotted, name: lang === 'en' ? 'Target' : '目標' }],
        }
      : undefined,
  };
}

/** The label goes on the roomier side of the marker, away from the axis labels at the bottom. */
function baselineLabelPosition(plotted: number, bounds: AxisBounds, inverse: boolean): 'top' | 'bottom' {
  const { min = 0, max = plotted } = bounds;
  const inLowerHalf = max === min || (plotted - min) / (max - min) < 0.5;
  return inLowerHalf !== inverse ? 'top' : 'bottom';
}

function baselineSeries(
  series: ChartSeries,
  bounds: AxisBounds,
  lang: ChartLang,
  textStyle: TextStyle,
): ScatterSeriesOption | null {
  const baseline = series.points.find((p) => p.kind === 'baseline');
  if (!baseline) return null;
  const word = lang === 'en' ? 'Baseline' : '基準';
  return {
    type: 'scatter',
    silent: true,
    symbol: 'diamond',
    symbolSize: 13,
    // Scatter points are translucent by default, which would lower the marker's contrast.
    itemStyle: { color: chartTheme.baseline, borderColor: '#ffffff', borderWidth: 1, opacity: 1 },
    label: {
      show: true,
      position: baselineLabelPosition(baseline.plotted, bounds, series.inverse),
      formatter: `${word} ${baseline.label}`,
      ...textStyle,
      color: chartTheme.baseline,
    },
    data: [[baseline.time, baseline.plotted]],
  };
}

/** The dates on the axis, one per time, oldest first: the baseline's date where an observation shares it. */
function axisDates(points: ChartPoint[]): ChartPoint[] {
  const byTime = new Map<number, ChartPoint>();
  for (const p of points) if (!byTime.has(p.time)) byTime.set(p.time, p);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

// Roughly what the y-axis labels and the margins take from the drawing's width.
const axisReserve = 90;

/** A label's width in SVG units: a Japanese character takes a full em, a digit or Latin letter about 0.6 em. */
function labelWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) > 0xff ? 1 : 0.6;
  return ems * fontSize;
}

/**
 * The dates that get a tick label: every one that does not run into the label before it, so points close in
 * time keep their place on the axis without their labels overprinting; the table beneath names every date.
 */
function labelledTimes(
  dates: ChartPoint[],
  extent: [number, number],
  layout: ChartLayout,
  lang: ChartLang,
): number[] {
  const plotWidth = Math.max(layout.width - axisReserve, 1);
  const span = Math.max(extent[1] - extent[0], 1);
  const kept: { time: number; x: number; half: number }[] = [];
  for (const p of dates) {
    const x = ((p.time - extent[0]) / span) * plotWidth;
    const half = labelWidth(shortPeriodLabel(p.date, lang), layout.fontSize) / 2;
    const previous = kept[kept.length - 1];
    if (!previous || x - half >= previous.x + previous.half + layout.fontSize / 2)
      kept.push({ time: p.time, x, half });
  }
  return kept.map((k) => k.time);
}

/** The axis runs a little beyond the first and last dates, so their points and labels clear the edges. */
function timeExtent(dates: ChartPoint[]): [number, number] {
  const first = dates[0]?.time ?? 0;
  const last = dates[dates.length - 1]?.time ?? first;
  const margin = Math.max((last - first) * 0.08, 90 * 86_400_000);
  return [first - margin, last + margin];
}

/**
 * ECharts calls label formatters many times per render (measuring, then laying out), and the domain
 * formatters go through Intl, which is slow per call; each label is worked out once per chart instead.
 */
function memoized<K, V>(format: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, format(key));
    return cache.get(key) as V;
  };
}

/**
 * The option for one indicator's chart.
 * @example indicatorChartOption(chartSeriesOf(indicator, 'ja'), 'ja').series // [line, baseline]
 */
export function indicatorChartOption(
  series: ChartSeries,
  lang: ChartLang,
  layout: ChartLayout = defaultChartLayout,
): IndicatorChartOption {
  const textStyle = textStyleOf(layout);
  const values = series.points.map((p) => p.plotted);
  if (series.target) values.push(series.target.plotted);
  const bounds = niceAxisBounds(values, series.inverse);
  const baseline = baselineSeries(series, bounds, lang, textStyle);
  const dates = axisDates(series.points);
  const extent = timeExtent(dates);
  const labelled = labelledTimes(dates, extent, layout, lang);
  const dateAt = new Map(dates.map((p) => [p.time, p.date]));
  return {
    animation: false,
    textStyle,
    grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    // A value axis of times, not categories: points are as far apart as their dates, ticks only at the data's dates.
    xAxis: {
      type: 'value',
      min: extent[0],
      max: extent[1],
      splitLine: { show: false },
      axisLabel: {
        ...textStyle,
        customValues: labelled,
        formatter: memoized((time: number) => shortPeriodLabel(dateAt.get(time) ?? '', lang)),
      },
      axisLine: { lineStyle: { color: chartTheme.text } },
      axisTick: { customValues: dates.map((p) => p.time) },
    },
    yAxis: {
      type: 'value',
      inverse: series.inverse,
      ...bounds,
      // Every tick carries the unit, so the axis needs no name.
      axisLabel: {
        ...textStyle,
        formatter: memoized((value: number) => tickLabel(value, series.axisUnit, lang)),
      },
      splitLine: { lineStyle: { color: chartTheme.grid } },
    },
    series: baseline
      ? [lineSeries(series, lang, textStyle), baseline]
      : [lineSeries(series, lang, textStyle)],
  };
}
