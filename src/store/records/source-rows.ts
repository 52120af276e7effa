/**
 * Source references (document + section + line + words) live in their own table; every other row points to one.
 * Reads join it under a fixed alias and these helpers turn the prefixed columns back into the model's SourceRef.
 */
import type { SourceRef } from '../../domain/model.ts';
import { optionalNumber } from '../values.ts';

/** A source row's own columns (no id, version or stamps), in the order sourceToRow gives them. */
export const sourceOwnColumns = ['document_id', 'section', 'line', 'page', 'quote', 'url'] as const;

/** A source row's own columns, e.g. `sourceToRow(ref).document_id`. */
export function sourceToRow(ref: SourceRef) {
  return {
    document_id: ref.documentId,
    section: ref.section ?? null,
    line: ref.line ?? null,
    page: ref.page ?? null,
    quote: ref.quote ?? null,
    url: ref.url ?? null,
  };
}

/** Columns of a source joined as `src`, each renamed with the `src_` prefix. */
export const sourceColumns = [
  'src.document_id as src_document_id',
  'src.section as src_section',
  'src.line as src_line',
  'src.page as src_page',
  'src.quote as src_quote',
  'src.url as src_url',
] as const;

/** The same for a node's status source, joined as `ssrc`. */
export const statusSourceColumns = [
  'ssrc.document_id as ssrc_document_id',
  'ssrc.section as ssrc_section',
  'ssrc.line as ssrc_line',
  'ssrc.page as ssrc_page',
  'ssrc.quote as ssrc_quote',
  'ssrc.url as ssrc_url',
] as const;

type Prefixed<P extends string> = {
  [K in `${P}_document_id` | `${P}_section` | `${P}_line` | `${P}_page` | `${P}_quote` | `${P}_url`]: unknown;
};

/** Rebuilds a SourceRef from prefixed columns; undefined when the join found nothing. */
export function sourceFromRow<P extends 'src' | 'ssrc'>(row: Prefixed<P>, prefix: P): SourceRef | undefined {
  const columns = row as Record<string, unknown>;
  const documentId = columns[`${prefix}_document_id`];
  if (typeof documentId !== 'string') return undefined;
  // Field by field, absent ones left out, in the order of SourceRef: every value row of a page passes here.
  const source: SourceRef = { documentId };
  const section = columns[`${prefix}_section`] as string | null;
  if (section !== null && section !== undefined) source.section = section;
  const line = optionalNumber(columns[`${prefix}_line`]);
  if (line !== undefined) source.line = line;
  const page = optionalNumber(columns[`${prefix}_page`]);
  if (page !== undefined) source.page = page;
  const quote = columns[`${prefix}_quote`] as string | null;
  if (quote !== null && quote !== undefined) source.quote = quote;
  const url = columns[`${prefix}_url`] as string | null;
  if (url !== null && url !== undefined) source.url = url;
  return source;
}

/** Like sourceFromRow, for columns whose join cannot miss (NOT NULL foreign keys). */
export function requiredSourceFromRow(row: Prefixed<'src'>): SourceRef {
  const source = sourceFromRow(row, 'src');
  if (!source) throw new Error('出典が見つかりません (source row missing)');
  return source;
}
