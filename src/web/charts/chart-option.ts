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

const textStyle = {
  color: chartTheme.text,
  fontFamily: chartTheme.fontFamily,
  fontSize: chartTheme.fontSize,
};

/** The line runs through every dated value; where an observation shares the baseline's date, it wins. */
function linePoints(points: ChartPoint[]): ChartPoint[] {
  const observedDates = new Set(points.filter((p) => p.kind === 'observation').map((p) => p.date));
  return points.filter((p) => p.kind === 'observation' || !observedDates.has(p.date));
}

function lineSeries(series: ChartSeries, lang: ChartLang): LineSeriesOption {
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
    data: linePoints(series.points).map((p) =>
      // The baseline's own marker and label are drawn by the baseline series.
      p.kind === 'baseline'
        ? { value: [p.date, p.plotted], symbol: 'none', label: { show: false } }
        : { value: [p.date, p.plotted], label: { formatter: p.label } },
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
    data: [[baseline.date, baseline.plotted]],
  };
}

function categories(points: ChartPoint[]): string[] {
  return [...new Set(points.map((p) => p.date))];
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
export function indicatorChartOption(series: ChartSeries, lang: ChartLang): IndicatorChartOption {
  const values = series.points.map((p) => p.plotted);
  if (series.target) values.push(series.target.plotted);
  const bounds = niceAxisBounds(values, series.inverse);
  const baseline = baselineSeries(series, bounds, lang);
  return {
    animation: false,
    textStyle,
    grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'category',
      data: categories(series.points),
      boundaryGap: true,
      axisLabel: { ...textStyle, formatter: memoized((date: string) => shortPeriodLabel(date, lang)) },
      axisLine: { lineStyle: { color: chartTheme.text } },
      axisTick: { alignWithLabel: true },
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
    series: baseline ? [lineSeries(series, lang), baseline] : [lineSeries(series, lang)],
  };
}
