/**
 * An indicator's values as a table: the text alternative of its chart (after Open SDG), and the place
 * every value links to the line of the document it comes from.
 */
import type { Indicator, SourceRef } from '../../domain/model.ts';
import type { ChartLang } from './chart-labels.ts';
import { indicatorName } from './indicator-chart.ts';
import { indicatorRows } from './indicator-rows.ts';

export interface IndicatorTableProps {
  indicator: Indicator;
  lang?: ChartLang;
  /** Where a source document is read; by default /documents/{documentId}#L{line}. */
  documentHref?: (source: SourceRef) => string;
  /** How a source document is named; by default its id. Pages pass the title, publisher and kind. */
  documentLabel?: (source: SourceRef) => string;
}

const headings = {
  ja: { period: '時点', value: '値', kind: '区分', source: '出典', unit: '単位', line: '行' },
  en: { period: 'Period', value: 'Value', kind: 'Type', source: 'Source', unit: 'unit', line: 'line' },
} as const;

/** The default link to a source: its document page, scrolled to the line. */
export function defaultDocumentHref(source: SourceRef): string {
  const path = `/documents/${encodeURIComponent(source.documentId)}`;
  return source.line ? `${path}#L${source.line}` : path;
}

function SourceLink(props: {
  source: SourceRef;
  lang: ChartLang;
  href: (source: SourceRef) => string;
  label?: ((source: SourceRef) => string) | undefined;
}) {
  const { source, lang } = props;
  const where = source.line ? (lang === 'en' ? `, line ${source.line}` : ` ${source.line}行目`) : '';
  return (
    <a href={props.href(source)} title={source.quote}>
      {props.label ? props.label(source) : source.documentId}
      {where}
    </a>
  );
}

/** The data table of an indicator: rows of baseline, observations and target, each with its source. */
export function IndicatorTable(props: IndicatorTableProps) {
  const lang = props.lang ?? 'ja';
  const h = headings[lang];
  const href = props.documentHref ?? defaultDocumentHref;
  // A dimensionless number (合計特殊出生率) has no unit to name.
  const unit =
    props.indicator.unit === ''
      ? ''
      : lang === 'en'
        ? ` (${h.unit}: ${props.indicator.unit})`
        : `（${h.unit}: ${props.indicator.unit}）`;
  return (
    <table class="indicator-table" lang={lang}>
      <caption>
        {indicatorName(props.indicator, lang)}
        {unit}
      </caption>
      <thead>
        <tr>
          <th scope="col">{h.period}</th>
          <th scope="col">{h.value}</th>
          <th scope="col">{h.kind}</th>
          <th scope="col">{h.source}</th>
        </tr>
      </thead>
      <tbody>
        {indicatorRows(props.indicator, lang).map((row) => (
          <tr class={`indicator-row-${row.kind}`}>
            <th scope="row">{row.period}</th>
            <td>{row.value}</td>
            <td>{row.kindLabel}</td>
            <td>
              <SourceLink source={row.source} lang={lang} href={href} label={props.documentLabel} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
