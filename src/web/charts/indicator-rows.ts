/**
 * The rows of an indicator's data table: the baseline, every observation in time order, then the target.
 * The table is the chart's text alternative, so it holds every value, including those the chart cannot plot.
 */
import type { Indicator, IndicatorValue, SourceRef } from '../../domain/model.ts';
import { comparePartialDates, parsePartialDate } from '../../domain/partial-date.ts';
import { type ChartLang, periodLabel, pointValueLabel } from './chart-labels.ts';

export type IndicatorRowKind = 'baseline' | 'observation' | 'target';

export interface IndicatorRow {
  kind: IndicatorRowKind;
  /** 西暦 and 和暦: "2019年度（令和元年度）". */
  period: string;
  value: string;
  kindLabel: string;
  source: SourceRef;
}

const kindLabels: Record<ChartLang, Record<IndicatorRowKind, string>> = {
  ja: { baseline: '基準値', observation: '実績値', target: '目標値' },
  en: { baseline: 'Baseline', observation: 'Observed', target: 'Target' },
};

const unknownPeriod: Record<ChartLang, string> = { ja: '時点不明', en: 'Date unknown' };

/** Undated values come last: the source gave no time for them. */
function byDate(a: IndicatorValue, b: IndicatorValue): number {
  const da = a.date ? parsePartialDate(a.date) : null;
  const db = b.date ? parsePartialDate(b.date) : null;
  if (!da || !db) return da ? -1 : db ? 1 : 0;
  return comparePartialDates(da, db);
}

function row(point: IndicatorValue, kind: IndicatorRowKind, unit: string, lang: ChartLang): IndicatorRow {
  return {
    kind,
    period: point.date ? periodLabel(point.date, lang) : unknownPeriod[lang],
    value: pointValueLabel(point, unit, lang),
    kindLabel: kindLabels[lang][kind],
    source: point.source,
  };
}

/**
 * The table rows of an indicator.
 * @example indicatorRows(indicator, 'ja')[0] // { kind: 'baseline', period: '2015年度（平成27年度）', value: '19.8%', kindLabel: '基準値', … }
 */
export function indicatorRows(indicator: Indicator, lang: ChartLang): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  if (indicator.baseline) rows.push(row(indicator.baseline, 'baseline', indicator.unit, lang));
  for (const observation of [...indicator.observations].sort(byDate)) {
    rows.push(row(observation, 'observation', indicator.unit, lang));
  }
  if (indicator.target) rows.push(row(indicator.target, 'target', indicator.unit, lang));
  return rows;
}
