/**
 * An indicator as a figure: the server-rendered chart, its data table beneath as the text alternative,
 * and a caption. Works without JavaScript and in print: the chart is inline SVG, the table is open.
 */
import { raw } from 'hono/html';
import type { Indicator, SourceRef } from '../../domain/model.ts';
import type { ChartLang } from './chart-labels.ts';
import { indicatorName, renderIndicatorChartSvg } from './indicator-chart.ts';
import { IndicatorTable } from './indicator-table.tsx';

export interface IndicatorFigureProps {
  indicator: Indicator;
  lang?: ChartLang;
  width?: number;
  height?: number;
  documentHref?: (source: SourceRef) => string;
}

const tableSummary: Record<ChartLang, string> = { ja: 'データ表', en: 'Data table' };

/** A <figure> with the chart (when there is anything to plot), the table and a caption. */
export function IndicatorFigure(props: IndicatorFigureProps) {
  const lang = props.lang ?? 'ja';
  const svg = renderIndicatorChartSvg(props.indicator, { lang, width: props.width, height: props.height });
  const table = <IndicatorTable indicator={props.indicator} lang={lang} documentHref={props.documentHref} />;
  return (
    <figure class="indicator-figure" lang={lang}>
      <figcaption>{indicatorName(props.indicator, lang)}</figcaption>
      {/* The SVG is ours: ECharts escapes its texts and we escape the title and summary we add. */}
      {svg === null ? (
        table
      ) : (
        <>
          <div class="indicator-chart">{raw(svg)}</div>
          <details open>
            <summary>{tableSummary[lang]}</summary>
            {table}
          </details>
        </>
      )}
    </figure>
  );
}
