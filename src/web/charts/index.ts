/** Indicator charts (server-rendered SVG) and their table alternative, for the pages to mount. */
export type { ChartLang } from './chart-labels.ts';
export { ChartPair } from './chart-pair.tsx';
export { type ChartSize, chartSizes } from './chart-size.ts';
export {
  drawIndicatorChartSvg,
  type IndicatorChartOptions,
  indicatorName,
  renderIndicatorChartSvg,
  singleChartPoint,
} from './indicator-chart.ts';
export { IndicatorChartView, type IndicatorChartViewProps } from './indicator-chart-view.tsx';
export { IndicatorFigure, type IndicatorFigureProps } from './indicator-figure.tsx';
export { defaultDocumentHref, IndicatorTable, type IndicatorTableProps } from './indicator-table.tsx';
