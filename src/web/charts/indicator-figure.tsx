/**
 * An indicator as a figure: the server-rendered chart, its data table beneath as the text alternative,
 * and a caption. Works without JavaScript and in print: the chart is inline SVG, the table is open.
 */
import type { Indicator, SourceRef } from '../../domain/model.ts';
import type { ChartLang } from './chart-labels.ts';
import { indicatorName } from './indicator-chart.ts';
import { IndicatorChartView } from './indicator-chart-view.tsx';
import { IndicatorTable } from './indicator-table.tsx';

export interface IndicatorFigureProps {
  indicator: Indicator;
  lang?: ChartLang;
  documentHref?: (source: SourceRef) => string;
}

const tableSummary: Record<ChartLang, string> = { ja: 'データ表', en: 'Data table' };

/** A <figure> with the chart or the single value (when there is anything to show), the table and a caption. */
export function IndicatorFigure(props: IndicatorFigureProps) {
  const lang = props.lang ?? 'ja';
  const chart = IndicatorChartView({ indicator: props.indicator, lang });
  const table = <IndicatorTable indicator={props.indicator} lang={lang} documentHref={props.documentHref} />;
  return (
    <figure class="indicator-figure" lang={lang}>
      <figcaption>{indicatorName(props.indicator, lang)}</figcaption>
      {chart === null ? (
        table
      ) : (
        <>
          {chart}
          <details open>
            <summary>{tableSummary[lang]}</summary>
            {table}
          </details>
        </>
      )}
    </figure>
  );
}
