/**
 * An indicator's chart as an SVG string, rendered on the server by Apache ECharts, so that it shows in
 * static export and print without JavaScript.
 */
import { createHash } from 'node:crypto';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Indicator } from '../../domain/model.ts';
import type { ChartLang } from './chart-labels.ts';
import { indicatorChartOption } from './chart-option.ts';
import { type ChartPoint, type ChartSeries, chartSeriesOf } from './chart-series.ts';
import { type ChartSize, chartSizes } from './chart-size.ts';
import { chartSummary } from './chart-summary.ts';
import { makeSvgAccessible, stripInteractivity, svgIdPrefix } from './svg-accessibility.ts';
import { SvgCache } from './svg-cache.ts';
import { fitToWidth, styleToAttributes } from './svg-presentation.ts';

// Registered once per process; registering per render would redo ECharts' setup on every chart.
use([LineChart, ScatterChart, GridComponent, MarkLineComponent, SVGRenderer]);

export interface IndicatorChartOptions {
  lang?: ChartLang;
  /** The drawing's size and type size; the wide one by default. */
  size?: ChartSize;
  /** Ids inside the SVG start with this; defaults to one derived from the indicator id and the size. */
  idPrefix?: string;
}

/** The name in the page's language: the English name when there is one. */
export function indicatorName(indicator: Indicator, lang: ChartLang): string {
  return lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
}

const cache = new SvgCache(500);
// ECharts' drawing depends only on what is plotted, in which language and size; the indicator's id and name go
// into the ids, title and description added afterwards. Indicators with the same values (one indicator of many
// municipalities, or of a plan and its successor) share one drawing. Enough for every chart of a large plan
// (300 indicators, two languages, two sizes), about 8 KB each.
const drawings = new SvgCache(2048);

/** The chart as ECharts draws it, before it is made accessible; ids keep zrender's process-wide prefix. */
function draw(series: ChartSeries, lang: ChartLang, size: ChartSize): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(indicatorChartOption(series, lang, size));
    // Presentation attributes, not style="…": pages serve a CSP (style-src 'self') that drops inline styles.
    return fitToWidth(styleToAttributes(stripInteractivity(chart.renderToSVGString())));
  } finally {
    chart.dispose();
  }
}

/** The same drawing, from `drawings` when the same series was drawn in the same language and size before. */
function drawOnce(series: ChartSeries, lang: ChartLang, size: ChartSize): string {
  const key = createHash('sha256')
    .update(JSON.stringify([series, lang, size.width, size.height, size.fontSize]))
    .digest('base64');
  return drawings.get(key, () => draw(series, lang, size)) as string;
}

/**
 * The indicator's chart as an accessible SVG string, or null when its values fall on fewer than two dates.
 * Served from a bounded cache when the same indicator was drawn with the same options before.
 * @example renderIndicatorChartSvg(indicator, { lang: 'ja' }) // '<svg … role="img" aria-labelledby="…"><title …'
 */
export function renderIndicatorChartSvg(
  indicator: Indicator,
  options: IndicatorChartOptions = {},
): string | null {
  const key = JSON.stringify([indicator, options.lang, options.size, options.idPrefix]);
  return cache.get(key, () => accessibleChart(indicator, options, drawOnce));
}

const distinctTimes = (series: ChartSeries) => new Set(series.points.map((p) => p.time)).size;

/**
 * The one value of an indicator whose values all fall on one date, which a chart would only stretch into a
 * picture of nothing: the page shows it as a number. The observation wins over a baseline of the same date.
 * @example singleChartPoint(womenOnCouncils, 'ja') // { kind: 'observation', date: '2019-04', label: '40.4%', … }
 */
export function singleChartPoint(indicator: Indicator, lang: ChartLang): ChartPoint | null {
  const series = chartSeriesOf(indicator, lang);
  if (distinctTimes(series) !== 1) return null;
  return series.points[series.points.length - 1] ?? null;
}

/** Draws the chart with ECharts, bypassing both caches: for measuring and for tests of the drawing itself. */
export function drawIndicatorChartSvg(
  indicator: Indicator,
  options: IndicatorChartOptions = {},
): string | null {
  return accessibleChart(indicator, options, draw);
}

function accessibleChart(
  indicator: Indicator,
  options: IndicatorChartOptions,
  drawing: (series: ChartSeries, lang: ChartLang, size: ChartSize) => string,
): string | null {
  const lang = options.lang ?? 'ja';
  const size = options.size ?? chartSizes.wide;
  const series = chartSeriesOf(indicator, lang);
  if (distinctTimes(series) < 2) return null;
  const name = indicatorName(indicator, lang);
  // makeSvgAccessible reads zrender's prefix off the drawing and renames every id, whichever render it came from.
  return makeSvgAccessible(drawing(series, lang, size), {
    idPrefix: options.idPrefix ?? `${svgIdPrefix(indicator.id)}${size.idSuffix}`,
    title: name,
    description: chartSummary(name, series, lang),
  });
}
