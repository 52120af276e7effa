/**
 * An indicator's chart as an SVG string, rendered on the server by Apache ECharts, so that it shows in
 * static export and print without JavaScript.
 */
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Indicator } from '../../domain/model.ts';
import type { ChartLang } from './chart-labels.ts';
import { indicatorChartOption } from './chart-option.ts';
import { chartSeriesOf } from './chart-series.ts';
import { chartSummary } from './chart-summary.ts';
import { makeSvgAccessible, stripInteractivity, svgIdPrefix } from './svg-accessibility.ts';
import { SvgCache } from './svg-cache.ts';
import { styleToAttributes } from './svg-presentation.ts';

// Registered once per process; registering per render would redo ECharts' setup on every chart.
use([LineChart, ScatterChart, GridComponent, MarkLineComponent, SVGRenderer]);

export interface IndicatorChartOptions {
  lang?: ChartLang;
  width?: number;
  height?: number;
  /** Ids inside the SVG start with this; defaults to one derived from the indicator id. */
  idPrefix?: string;
}

/** The name in the page's language: the English name when there is one. */
export function indicatorName(indicator: Indicator, lang: ChartLang): string {
  return lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
}

const cache = new SvgCache(500);

/**
 * The indicator's chart as an accessible SVG string, or null when it has no value to plot.
 * Served from a bounded cache when the same indicator was drawn with the same options before.
 * @example renderIndicatorChartSvg(indicator, { lang: 'ja' }) // '<svg … role="img" aria-labelledby="…"><title …'
 */
export function renderIndicatorChartSvg(
  indicator: Indicator,
  options: IndicatorChartOptions = {},
): string | null {
  const key = JSON.stringify([indicator, options.lang, options.width, options.height, options.idPrefix]);
  return cache.get(key, () => drawIndicatorChartSvg(indicator, options));
}

/** Draws the chart with ECharts, bypassing the cache: for measuring and for tests of the drawing itself. */
export function drawIndicatorChartSvg(
  indicator: Indicator,
  options: IndicatorChartOptions = {},
): string | null {
  const lang = options.lang ?? 'ja';
  const series = chartSeriesOf(indicator, lang);
  if (series.points.length === 0) return null;
  const chart = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width ?? 640,
    height: options.height ?? 320,
  });
  try {
    chart.setOption(indicatorChartOption(series, lang));
    const name = indicatorName(indicator, lang);
    // Presentation attributes, not style="…": pages serve a CSP (style-src 'self') that drops inline styles.
    return makeSvgAccessible(styleToAttributes(stripInteractivity(chart.renderToSVGString())), {
      idPrefix: options.idPrefix ?? svgIdPrefix(indicator.id),
      title: name,
      description: chartSummary(name, series, lang),
    });
  } finally {
    chart.dispose();
  }
}
