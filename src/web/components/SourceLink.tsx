/** A link to the evidence: the document's page at the cited line, with the printed words as its title. */
import type { Child } from 'hono/jsx';
import type { SourceRef } from '../../domain/model.ts';
import { type Lang, localHref, useLang, useMessages } from '../i18n/index.ts';

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
  return (
    <a href={sourceHref(source, useLang())} title={source.quote}>
      {children ?? (source.line === undefined ? t.source : t.sourceLine(source.line))}
    </a>
  );
}
