/**
 * A comparison's page of organizations as a horizontal bar chart, in the ranked order (first at the top), rendered
 * on the server by ECharts as an accessible SVG like the other charts. Each bar carries its value, and the <desc>
 * lists every organization's rank and value, so the chart is readable without seeing it.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatAmount } from '../../domain/japanese-number.ts';
import type { ChartLang } from '../charts/chart-labels.ts';
import type { ChartSize } from '../charts/chart-size.ts';
import { chartTheme } from '../charts/chart-theme.ts';
import { makeSvgAccessible, stripInteractivity, svgIdPrefix } from '../charts/svg-accessibility.ts';
import { SvgCache } from '../charts/svg-cache.ts';
import { fitToWidth, styleToAttributes } from '../charts/svg-presentation.ts';

use([BarChart, GridComponent, SVGRenderer]);

export interface ComparedBar {
  /** The organization's name as the axis shows it. */
  label: string;
  value: number;
  rank: number;
}

export interface CompareChartOptions {
  /** The comparison key, for the SVG's internal ids. */
  id: string;
  /** The chart's accessible name, e.g. "待機児童数（人）の比較". */
  title: string;
  unit: string;
  lang: ChartLang;
  size: ChartSize;
}

type CompareChartOption = ComposeOption<BarSeriesOption | GridComponentOption>;

const valueText = (value: number, unit: string) => formatAmount(value, unit);

/** The chart in words, for the SVG's <desc>: "1位 小矢部市 0人。2位 …". */
export function compareChartSummary(bars: readonly ComparedBar[], unit: string, lang: ChartLang): string {
  return bars
    .map((b) =>
      lang === 'ja'
        ? `${b.rank}位 ${b.label} ${valueText(b.value, unit)}`
        : `No. ${b.rank} ${b.label}: ${valueText(b.value, unit)}`,
    )
    .join(lang === 'ja' ? '。' : '; ');
}

// Room per bar and for the grid's margins, in SVG units.
const rowHeight = { narrow: 28, wide: 24 };

function chartOption(bars: readonly ComparedBar[], unit: string, size: ChartSize): CompareChartOption {
  const textStyle = { color: chartTheme.text, fontFamily: chartTheme.fontFamily, fontSize: size.fontSize };
  return {
    animation: false,
    textStyle,
    grid: { left: 8, right: 24, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisLabel: { ...textStyle, width: size.width / 3, overflow: 'truncate' },
      axisLine: { lineStyle: { color: chartTheme.text } },
    },
    xAxis: {
      type: 'value',
      axisLabel: { ...textStyle, formatter: (v: number) => valueText(v, unit) },
      splitLine: { lineStyle: { color: chartTheme.grid } },
    },
    series: [
      {
        type: 'bar',
        silent: true,
        itemStyle: { color: chartTheme.series, opacity: 1 },
        label: {
          show: true,
          position: 'right',
          ...textStyle,
          formatter: (p) => (typeof p.value === 'number' ? valueText(p.value, unit) : ''),
        },
        data: bars.map((b) => b.value),
      },
    ],
  };
}

// A pair of 20 bars costs 25–85 ms of ECharts CPU; the same page of the same comparison draws the same SVG.
const drawn = new SvgCache(200);

/**
 * The chart as an SVG string, or null when there is no bar; the same bars and options are drawn once.
 * @example drawCompareChartSvg([{ label: '小諸市', value: 4, rank: 1 }], { id: 'd-…', title: '…', unit: '人', … })
 */
export function drawCompareChartSvg(
  bars: readonly ComparedBar[],
  options: CompareChartOptions,
): string | null {
  if (bars.length === 0) return null;
  return drawn.get(JSON.stringify([bars, options]), () => draw(bars, options));
}

function draw(bars: readonly ComparedBar[], options: CompareChartOptions): string {
  const { size, unit, lang } = options;
  const perBar = size.width < 500 ? rowHeight.narrow : rowHeight.wide;
  const height = 56 + bars.length * perBar;
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height });
  try {
    chart.setOption(chartOption(bars, unit, size));
    return makeSvgAccessible(fitToWidth(styleToAttributes(stripInteractivity(chart.renderToSVGString()))), {
      idPrefix: `${svgIdPrefix(options.id)}-compare${size.idSuffix}`,
      title: options.title,
      description: compareChartSummary(bars, unit, lang),
    });
  } finally {
    chart.dispose();
  }
}
