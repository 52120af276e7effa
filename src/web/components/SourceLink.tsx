/**
 * A link to the evidence: the document's page at the cited line, with the printed words as its title. Without
 * words of its own the link names the document (title, then publisher and kind), never its id.
 */
import type { Child } from 'hono/jsx';
import type { SourceRef } from '../../domain/model.ts';
import { type Lang, localHref, useLang, useMessages } from '../i18n/index.ts';
import { documentByline, isCampaign } from './evidence/document-words.ts';
import { useEvidence } from './evidence/evidence-context.ts';

export interface SourceLinkProps {
  source: SourceRef;
  children?: Child;
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
  const line =
    source.line === undefined
      ? ''
      : lang === 'ja'
        ? ` ${t.lineNumber(source.line)}`
        : `, ${t.lineNumber(source.line)}`;
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
