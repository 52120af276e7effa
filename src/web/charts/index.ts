/** Indicator charts (server-rendered SVG) and their table alternative, for the pages to mount. */
export type { ChartLang } from './chart-labels.ts';
export {
  drawIndicatorChartSvg,
  type IndicatorChartOptions,
  indicatorName,
  renderIndicatorChartSvg,
} from './indicator-chart.ts';
export { IndicatorFigure, type IndicatorFigureProps } from './indicator-figure.tsx';
export { defaultDocumentHref, IndicatorTable, type IndicatorTableProps } from './indicator-table.tsx';
