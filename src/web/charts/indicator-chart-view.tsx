/**
 * What a page shows above an indicator's table: the chart in two drawings (narrow for phones, wide from 48rem;
 * chart-size.ts), or, when every value falls on one date, the value as a number with its date, or nothing.
 */
import type { Indicator } from '../../domain/model.ts';
import { type ChartLang, periodLabel } from './chart-labels.ts';
import { ChartPair } from './chart-pair.tsx';
import { chartSeriesOf } from './chart-series.ts';
import { renderIndicatorChartSvg, singleChartPoint } from './indicator-chart.ts';

export interface IndicatorChartViewProps {
  indicator: Indicator;
  lang: ChartLang;
}

/** The chart, or the single value, or null when there is nothing to draw. */
export function IndicatorChartView({ indicator, lang }: IndicatorChartViewProps) {
  const chart = ChartPair({ draw: (size) => renderIndicatorChartSvg(indicator, { lang, size }) });
  if (chart !== null) return chart;
  const single = singleChartPoint(indicator, lang);
  if (single === null) return null;
  const target = chartSeriesOf(indicator, lang).target;
  return (
    <p class="single-value">
      <strong class="single-value-figure">{single.label}</strong>
      <span class="single-value-date">
        {lang === 'en' ? ' ' : ''}（{periodLabel(single.date, lang)}）
      </span>
      {target ? <span class="single-value-target">{target.label}</span> : null}
    </p>
  );
}
