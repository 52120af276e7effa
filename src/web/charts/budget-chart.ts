/**
 * A program's money by fiscal year as a bar chart: 最終予算 (final budget) beside 決算 (settlement), in 千円,
 * rendered on the server by ECharts as an accessible SVG. A year with only one of the two draws only that bar;
 * a year between two with figures keeps its place, empty, so the years stay evenly spaced as they are. The
 * two series differ in fill (outlined grey, solid blue) as well as colour, and each bar carries its amount.
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
import { type ChartSize, chartSizes } from './chart-size.ts';
import { chartTheme } from './chart-theme.ts';
import { niceCeil } from './nice-axis.ts';
import { makeSvgAccessible, stripInteractivity, svgIdPrefix } from './svg-accessibility.ts';
import { fitToWidth, styleToAttributes } from './svg-presentation.ts';

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
  /** The drawing's size and type size; the wide one by default. */
  size?: ChartSize;
}

const words = {
  ja: { budget: '最終予算', settlement: '決算', none: '記載なし' },
  en: { budget: 'Final budget', settlement: 'Settlement', none: 'not given' },
} as const;

const textStyleOf = (size: ChartSize) => ({
  color: chartTheme.text,
  fontFamily: chartTheme.fontFamily,
  fontSize: size.fontSize,
});
type TextStyle = ReturnType<typeof textStyleOf>;

/** How a bar's amount is labelled: above it, or turned upright when bars are too narrow for the words. */
interface BarLabels {
  rotate: boolean;
  /** The label's length in SVG units, which an upright label takes above the bar. */
  length: number;
}

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

function bar(
  name: string,
  itemStyle: BarSeriesOption['itemStyle'],
  values: (number | null)[],
  lang: ChartLang,
  textStyle: TextStyle,
  labels: BarLabels,
): BarSeriesOption {
  return {
    type: 'bar',
    name,
    silent: true,
    itemStyle,
    label: {
      show: true,
      position: 'top',
      ...textStyle,
      ...(labels.rotate ? { rotate: 90, align: 'left', verticalAlign: 'middle', distance: 4 } : {}),
      formatter: (p) => (typeof p.value === 'number' ? thousandYen(p.value * 1000, lang) : ''),
    },
    // Plotted in 千円 so the axis ticks stay short.
    data: values.map((v) => (v === null ? null : v / 1000)),
  };
}

/** A label's width in SVG units: a Japanese character takes a full em, a digit or comma about 0.6 em. */
function labelWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) > 0xff ? 1 : 0.6;
  return ems * fontSize;
}

// Roughly what the axis labels and margins take from the drawing: across (y labels) and down (legend, x labels).
const reserve = { across: 100, down: 90 };

function barLabels(years: readonly BudgetYear[], size: ChartSize, lang: ChartLang): BarLabels {
  const amounts = years.flatMap((y) => [y.budget, y.settlement]).filter((v): v is number => v !== null);
  const length = Math.max(...amounts.map((v) => labelWidth(thousandYen(v, lang), size.fontSize)), 0);
  // ECharts gives each year a band and the two bars share about two thirds of it.
  const barSlot = (size.width - reserve.across) / years.length / 3;
  return { rotate: length > barSlot * 1.4, length };
}

/** The axis top, high enough that the tallest bar's upright label stays inside the drawing. */
function axisMax(years: readonly BudgetYear[], size: ChartSize, labels: BarLabels): number | undefined {
  if (!labels.rotate) return undefined;
  let highest = 0;
  for (const y of years) highest = Math.max(highest, y.budget ?? 0, y.settlement ?? 0);
  const plotHeight = size.height - reserve.down;
  const room = Math.max(plotHeight - labels.length - 8, plotHeight / 4);
  return highest > 0 ? niceCeil(((highest / 1000) * plotHeight) / room) : undefined;
}

/** Every fiscal year from the first to the last, a year the sheets skip standing empty. */
function everyYear(years: readonly BudgetYear[]): BudgetYear[] {
  const byYear = new Map(years.map((y) => [y.fiscalYear, y]));
  const first = years[0]?.fiscalYear ?? 0;
  const last = years[years.length - 1]?.fiscalYear ?? first;
  return Array.from(
    { length: last - first + 1 },
    (_, k) => byYear.get(first + k) ?? { fiscalYear: first + k, budget: null, settlement: null },
  );
}

function budgetChartOption(
  years: readonly BudgetYear[],
  lang: ChartLang,
  size: ChartSize,
): BudgetChartOption {
  const w = words[lang];
  const textStyle = textStyleOf(size);
  const labels = barLabels(years, size, lang);
  const max = axisMax(years, size, labels);
  return {
    animation: false,
    textStyle,
    legend: { top: 0, textStyle },
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
      ...(max === undefined ? {} : { max }),
      axisLabel: { ...textStyle, formatter: (v: number) => thousandYen(v * 1000, lang) },
      splitLine: { lineStyle: { color: chartTheme.grid } },
    },
    series: [
      // The budget is an outline (what was allowed), the settlement a solid bar (what was spent).
      bar(
        w.budget,
        { color: '#ffffff', borderColor: chartTheme.target, borderWidth: 2, opacity: 1 },
        years.map((y) => y.budget),
        lang,
        textStyle,
        labels,
      ),
      bar(
        w.settlement,
        { color: chartTheme.series, opacity: 1 },
        years.map((y) => y.settlement),
        lang,
        textStyle,
        labels,
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
  const size = options.size ?? chartSizes.wide;
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(budgetChartOption(everyYear(shown), lang, size));
    return makeSvgAccessible(fitToWidth(styleToAttributes(stripInteractivity(chart.renderToSVGString()))), {
      idPrefix: `${svgIdPrefix(options.id)}-budget${size.idSuffix}`,
      title: options.title,
      description: budgetChartSummary(shown, lang),
    });
  } finally {
    chart.dispose();
  }
}
