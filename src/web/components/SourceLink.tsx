/** A link to the evidence: the document's page at the cited line, with the printed words as its title. */
import type { Child } from 'hono/jsx';
import type { SourceRef } from '../../domain/model.ts';

export interface SourceLinkProps {
  source: SourceRef;
  children?: Child;
}

/** `/documents/{id}#L{line}`, or the document's top when no line is known. */
export function sourceHref(source: SourceRef): string {
  const base = `/documents/${encodeURIComponent(source.documentId)}`;
  return source.line === undefined ? base : `${base}#L${source.line}`;
}

export function SourceLink({ source, children }: SourceLinkProps) {
  return (
    <a href={sourceHref(source)} title={source.quote}>
      {children ?? (source.line === undefined ? '出典' : `出典（${source.line}行目）`)}
    </a>
  );
}
