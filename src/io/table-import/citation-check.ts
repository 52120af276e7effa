/**
 * A table's cited lines and quotes checked against the registered documents' text, as a form or API save checks
 * them: a line beyond the end, or a quote not on its line, refuses the row with the line's text shown. Documents
 * with no stored text (a dataset folder's, an imported file) are not checked here.
 */
import type { Kysely } from 'kysely';
import { type CitationProblem, citationProblem, citationWords, textLines } from '../../domain/citation.ts';
import type { SourceRef } from '../../domain/model.ts';
import type { Database } from '../../store/schema.ts';
import { storedDocumentTexts } from '../../store/table-import/index.ts';
import type { TableRowError } from '../tables/table-error.ts';
import { type RecordChange, rowError } from './record-change.ts';

type CitedRecord = { source?: SourceRef | null; statusSource?: SourceRef | null };

/** A source the check reads: one naming a line or a quote. */
const isCited = (ref: SourceRef | null | undefined): ref is SourceRef =>
  !!ref && (ref.line !== undefined || ref.quote !== undefined);

/**
 * One error per cited source a created or updated record gets wrong, in file order.
 * @example await citationErrors(db, changes) // [{ row: 4, column: 'sourceQuote', messageJa: '引用「…」は 89 行目にありません。…', … }]
 */
export async function citationErrors(
  db: Kysely<Database>,
  changes: readonly RecordChange[],
): Promise<TableRowError[]> {
  const refs = citedRefs(changes);
  if (refs.size === 0) return [];
  const documentIds = new Set<string>();
  for (const ref of refs) documentIds.add(ref.documentId);
  const texts = await storedDocumentTexts(db, [...documentIds]);
  if (texts.size === 0) return [];
  const lines = new Map<string, string[]>();
  // Rows citing the same line and quote of a document share one check: a statistics file cites one table line per
  // indicator on thousands of rows, and planners share one ref object among them.
  const byCitation = new Map<string, CitationProblem | null>();
  const problems = new Map<SourceRef, CitationProblem>();
  for (const ref of refs) {
    const text = texts.get(ref.documentId);
    if (text === undefined) continue;
    const key = `${ref.documentId}\u0000${ref.line ?? ''}\u0000${ref.quote ?? ''}`;
    let problem = byCitation.get(key);
    if (problem === undefined) {
      if (!lines.has(ref.documentId)) lines.set(ref.documentId, textLines(text));
      problem = citationProblem(lines.get(ref.documentId) ?? [], ref);
      byCitation.set(key, problem);
    }
    if (problem !== null) problems.set(ref, problem);
  }
  // The usual file cites every line well: only then is every change gone through again, for the errors in file order.
  return problems.size === 0 ? [] : errorsInFileOrder(changes, problems);
}

/** The distinct sources (by identity) naming a line or a quote that created or updated records cite. */
function citedRefs(changes: readonly RecordChange[]): Set<SourceRef> {
  const refs = new Set<SourceRef>();
  for (const c of changes) {
    if (c.action === 'unchanged') continue;
    const r = c.after as CitedRecord;
    if (isCited(r.source)) refs.add(r.source);
    if (isCited(r.statusSource)) refs.add(r.statusSource);
  }
  return refs;
}

function errorsInFileOrder(
  changes: readonly RecordChange[],
  problems: ReadonlyMap<SourceRef, CitationProblem>,
): TableRowError[] {
  const errors: TableRowError[] = [];
  const check = (change: RecordChange, prefix: string, ref: SourceRef) => {
    const problem = problems.get(ref);
    if (problem === undefined) return;
    const column = `${prefix}${problem.kind === 'line_beyond_end' ? 'Line' : 'Quote'}`;
    const value = problem.kind === 'line_beyond_end' ? String(problem.line) : problem.quote;
    const words = citationWords(problem);
    errors.push(rowError(change.place, column, value, words.ja, words.en));
  };
  for (const c of changes) {
    if (c.action === 'unchanged') continue;
    const r = c.after as CitedRecord;
    if (isCited(r.source)) check(c, 'source', r.source);
    if (isCited(r.statusSource)) check(c, 'statusSource', r.statusSource);
  }
  return errors;
}
