/**
 * A link to the evidence: the document's page at the cited line, with the printed words as its title. Without
 * words of its own the link names the document (title, then publisher and kind), never its id, and the line, or
 * for an imported file the cell.
 */
import type { Child } from 'hono/jsx';
import type { SourceDocument, SourceRef } from '../../domain/model.ts';
import { type Lang, localHref, useLang, useMessages } from '../i18n/index.ts';
import { documentByline, isCampaign } from './evidence/document-words.ts';
import { useEvidence } from './evidence/evidence-context.ts';

export interface SourceLinkProps {
  source: SourceRef;
  children?: Child;
}

// What the table import writes as a value's section (src/io/table-import/published-plan.ts, cellLocator).
const cellLocatorPattern = /^(行\d+ 列[A-Z]+|.+![A-Z]+\d+)$/u;

/**
 * The cell an imported file's value cites (行7 列D, Sheet1!F7): the place a reader opens the file at; undefined for
 * other sources, whose section is a heading.
 * @example citedCell({ documentId: 'file-84462e', section: '行7 列D' }, { kind: 'upload', … }) // '行7 列D'
 */
export function citedCell(source: SourceRef, document: SourceDocument | undefined): string | undefined {
  if (source.section === undefined) return undefined;
  return document?.kind === 'upload' || cellLocatorPattern.test(source.section) ? source.section : undefined;
}

/** `/documents/{id}#L{line}`, or the document's top when no line is known. */
export function sourceHref(source: SourceRef, lang: Lang = 'ja'): string {
  const base = `/documents/${encodeURIComponent(source.documentId)}`;
  return localHref(source.line === undefined ? base : `${base}#L${source.line}`, lang);
}

export function SourceLink({ source, children }: SourceLinkProps) {
  const t = useMessages();
  const lang = useLang();
  const document = useEvidence().documents.get(source.documentId);
  const href = sourceHref(source, lang);
  if (children !== undefined || document === undefined) {
    return (
      <a href={href} title={source.quote}>
        {children ?? (source.line === undefined ? t.source : t.sourceLine(source.line))}
      </a>
    );
  }
  const cell = citedCell(source, document);
  const place = source.line !== undefined ? t.lineNumber(source.line) : cell !== undefined ? cell : undefined;
  const line = place === undefined ? '' : lang === 'ja' ? ` ${place}` : `, ${place}`;
  const byline = documentByline(document, lang);
  return (
    <>
      {t.source}:{' '}
      <a href={href} title={source.quote}>
        <span lang="ja">{document.title}</span>
        {line}
      </a>
      <span class={isCampaign(document) ? 'source-kind source-kind-campaign' : 'source-kind'}>
        {lang === 'ja' ? `（${byline}）` : ` (${byline})`}
      </span>
    </>
  );
}
