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
  // The documents cited first: a file citing only documents without stored text takes one pass and no other work.
  const documentIds = new Set<string>();
  for (const c of changes) {
    if (c.action === 'unchanged') continue;
    const r = c.after as CitedRecord;
    if (isCited(r.source)) documentIds.add(r.source.documentId);
    if (isCited(r.statusSource)) documentIds.add(r.statusSource.documentId);
  }
  if (documentIds.size === 0) return [];
  const texts = await storedDocumentTexts(db, [...documentIds]);
  if (texts.size === 0) return [];
  const lines = new Map<string, string[]>();
  // Rows citing the same line and quote of a document share one check: a statistics file cites one table line per
  // indicator on thousands of rows (and planners share one ref object among them, the first key tried).
  const byRef = new Map<SourceRef, CitationProblem | null>();
  const byCitation = new Map<string, CitationProblem | null>();
  const problemOf = (ref: SourceRef, text: string) => {
    let problem = byRef.get(ref);
    if (problem !== undefined) return problem;
    const key = `${ref.documentId}\u0000${ref.line ?? ''}\u0000${ref.quote ?? ''}`;
    problem = byCitation.get(key);
    if (problem === undefined) {
      if (!lines.has(ref.documentId)) lines.set(ref.documentId, textLines(text));
      problem = citationProblem(lines.get(ref.documentId) ?? [], ref);
      byCitation.set(key, problem);
    }
    byRef.set(ref, problem);
    return problem;
  };
  const errors: TableRowError[] = [];
  const check = (change: RecordChange, prefix: string, ref: SourceRef) => {
    const text = texts.get(ref.documentId);
    if (text === undefined) return;
    const problem = problemOf(ref, text);
    if (problem === null) return;
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
