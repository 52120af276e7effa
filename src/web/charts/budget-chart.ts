/**
 * A program's money by fiscal year as a bar chart: 最終予算 (final budget) beside 決算 (settlement), in 千円,
 * rendered on the server by ECharts as an accessible SVG. A year with only one of the two draws only that bar.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { thousandYen } from '../components/thousand-yen.ts';
import { type ChartLang, shortPeriodLabel } from './chart-labels.ts';
import { chartTheme } from './chart-theme.ts';
import { makeSvgAccessible, stripInteractivity, svgIdPrefix } from './svg-accessibility.ts';
import { styleToAttributes } from './svg-presentation.ts';

use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** One fiscal year's amounts in yen; null where the source does not give it. */
export interface BudgetYear {
  fiscalYear: number;
  budget: number | null;
  settlement: number | null;
}

export interface BudgetChartOptions {
  /** The program's id, for the SVG's internal ids. */
  id: string;
  /** The chart's accessible name, e.g. "放課後児童クラブ運営事業の予算と決算". */
  title: string;
  lang?: ChartLang;
  width?: number;
  height?: number;
}

const words = {
  ja: { budget: '最終予算', settlement: '決算', none: '記載なし' },
  en: { budget: 'Final budget', settlement: 'Settlement', none: 'not given' },
} as const;

const textStyle = {
  color: chartTheme.text,
  fontFamily: chartTheme.fontFamily,
  fontSize: chartTheme.fontSize,
};

/** The chart in words, for the SVG's <desc>: every year's budget and settlement. */
export function budgetChartSummary(years: readonly BudgetYear[], lang: ChartLang): string {
  const w = words[lang];
  const amount = (v: number | null) => (v === null ? w.none : thousandYen(v, lang));
  return years
    .map((y) => {
      const year = shortPeriodLabel(`FY${y.fiscalYear}`, lang);
      return `${year}: ${w.budget} ${amount(y.budget)}, ${w.settlement} ${amount(y.settlement)}`;
    })
    .join(lang === 'ja' ? '。' : '; ');
}

type BudgetChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption>;

function bar(name: string, color: string, values: (number | null)[], lang: ChartLang): BarSeriesOption {
  return {
    type: 'bar',
    name,
    silent: true,
    itemStyle: { color },
    label: {
      show: true,
      position: 'top',
      ...textStyle,
      formatter: (p) => (typeof p.value === 'number' ? thousandYen(p.value * 1000, lang) : ''),
    },
    // Plotted in 千円 so the axis ticks stay short.
    data: values.map((v) => (v === null ? null : v / 1000)),
  };
}

function budgetChartOption(years: readonly BudgetYear[], lang: ChartLang): BudgetChartOption {
  const w = words[lang];
  return {
    animation: false,
    textStyle,
    legend: { top: 0, textStyle, itemStyle: { opacity: 1 } },
    grid: { left: 8, right: 16, top: 48, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'category',
      data: years.map((y) => shortPeriodLabel(`FY${y.fiscalYear}`, lang)),
      axisLabel: textStyle,
      axisLine: { lineStyle: { color: chartTheme.text } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: { ...textStyle, formatter: (v: number) => thousandYen(v * 1000, lang) },
      splitLine: { lineStyle: { color: chartTheme.grid } },
    },
    series: [
      bar(
        w.budget,
        chartTheme.target,
        years.map((y) => y.budget),
        lang,
      ),
      bar(
        w.settlement,
        chartTheme.series,
        years.map((y) => y.settlement),
        lang,
      ),
    ],
  };
}

/**
 * The chart as an SVG string, or null when no year has an amount.
 * @example drawBudgetChartSvg([{ fiscalYear: 2021, budget: 5_000_000, settlement: 4_350_000 }], { id: 'p', title: '…' })
 */
export function drawBudgetChartSvg(years: readonly BudgetYear[], options: BudgetChartOptions): string | null {
  const shown = [...years]
    .filter((y) => y.budget !== null || y.settlement !== null)
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
  if (shown.length === 0) return null;
  const lang = options.lang ?? 'ja';
  const chart = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width ?? 640,
    height: options.height ?? 320,
  });
  try {
    chart.setOption(budgetChartOption(shown, lang));
    return makeSvgAccessible(styleToAttributes(stripInteractivity(chart.renderToSVGString())), {
      idPrefix: `${svgIdPrefix(options.id)}-budget`,
      title: options.title,
      description: budgetChartSummary(shown, lang),
    });
  } finally {
    chart.dispose();
  }
}
