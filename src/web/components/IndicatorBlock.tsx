/**
 * One indicator in full: its chart (server-rendered SVG) with the data table beneath as its text alternative,
 * then its figures with their rules. Mirrors charts' IndicatorFigure, with the page's own captions and links.
 */
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import type { FiguresPlan } from '../../domain/figures/index.ts';
import type { Indicator, SourceRef } from '../../domain/model.ts';
import { IndicatorChartView, IndicatorTable, indicatorName } from '../charts/index.ts';
import { compareHref } from '../compare/compare-view.ts';
import { compareWords } from '../compare/compare-words.ts';
import { indicatorDownloadHref, localHref, useLang, useMessages } from '../i18n/index.ts';
import { documentByline } from './evidence/document-words.ts';
import { useEvidence } from './evidence/evidence-context.ts';
import { FigureList } from './FigureList.tsx';
import { citedCell, sourceHref } from './SourceLink.tsx';

export interface IndicatorBlockProps {
  indicator: Indicator;
  plan: FiguresPlan;
  /** How many other organizations report the same definition; the compare link shows from `minimumToCompare`. */
  comparable?: number | undefined;
}

/** Other organizations a definition needs before its indicator links to a comparison. */
export const minimumToCompare = 2;

export function IndicatorBlock({ indicator, plan, comparable = 0 }: IndicatorBlockProps) {
  const lang = useLang();
  const t = useMessages();
  const chart = IndicatorChartView({ indicator, lang });
  const { documents } = useEvidence();
  const documentLabel = (source: SourceRef) => {
    const document = documents.get(source.documentId);
    if (document === undefined) return source.documentId;
    const byline = documentByline(document, lang);
    const cell = citedCell(source, document);
    const title = cell === undefined ? document.title : `${document.title} ${cell}`;
    return lang === 'ja' ? `${title}（${byline}）` : `${title} (${byline})`;
  };
  const table = (
    <IndicatorTable
      indicator={indicator}
      lang={lang}
      documentHref={(source) => sourceHref(source, lang)}
      documentLabel={documentLabel}
    />
  );
  return (
    <div class="indicator-block" id={`figure-${indicator.id}`}>
      <figure class="indicator-figure">
        <figcaption>{indicatorName(indicator, lang)}</figcaption>
        {chart === null ? (
          table
        ) : (
          <>
            {chart}
            <details open>
              <summary>{t.dataTable}</summary>
              {table}
            </details>
          </>
        )}
      </figure>
      <FigureList indicator={indicator} plan={plan} />
      <p class="meta">
        {t.downloadIndicator}: <a href={indicatorDownloadHref(indicator.id)}>CSV (UTF-8)</a>
        {' / '}
        <a href={indicatorDownloadHref(indicator.id, 'indicator-values.csv', true)}>CSV (Shift_JIS)</a>
        {' / '}
        <a href={indicatorDownloadHref(indicator.id, 'indicator-values.xlsx')}>XLSX</a>
        {' / '}
        <a href={indicatorDownloadHref(indicator.id, 'indicator.json')}>JSON</a>
      </p>
      {comparable >= minimumToCompare ? (
        <p>
          <a href={localHref(compareHref(comparisonKeyOf(indicator)), lang)}>
            {compareWords[lang].compareLink(comparable)}
          </a>
        </p>
      ) : null}
    </div>
  );
}
