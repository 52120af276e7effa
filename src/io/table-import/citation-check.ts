/**
 * A table's cited lines and quotes checked against the registered documents' text, as a form or API save checks
 * them: a line beyond the end, or a quote not on its line, refuses the row with the line's text shown. Documents
 * with no stored text (a dataset folder's, an imported file) are not checked here.
 */
import type { Kysely } from 'kysely';
import { citationProblem, citationWords, textLines } from '../../domain/citation.ts';
import type { SourceRef } from '../../domain/model.ts';
import type { Database } from '../../store/schema.ts';
import { storedDocumentTexts } from '../../store/table-import/index.ts';
import type { TableRowError } from '../tables/table-error.ts';
import { type RecordChange, rowError } from './record-change.ts';

/** The cited sources of a record, with the column prefix their problems are reported on. */
function citedSources(record: unknown): [string, SourceRef][] {
  const r = record as { source?: SourceRef | null; statusSource?: SourceRef | null };
  const cited: [string, SourceRef][] = [];
  if (r.source) cited.push(['source', r.source]);
  if (r.statusSource) cited.push(['statusSource', r.statusSource]);
  return cited.filter(([, ref]) => ref.line !== undefined || ref.quote !== undefined);
}

/**
 * One error per cited source a created or updated record gets wrong, in file order.
 * @example await citationErrors(db, changes) // [{ row: 4, column: 'sourceQuote', messageJa: '引用「…」は 89 行目にありません。…', … }]
 */
export async function citationErrors(
  db: Kysely<Database>,
  changes: readonly RecordChange[],
): Promise<TableRowError[]> {
  const cited = changes
    .filter((c) => c.action !== 'unchanged')
    .flatMap((c) => citedSources(c.after).map(([prefix, ref]) => ({ change: c, prefix, ref })));
  if (cited.length === 0) return [];
  const texts = await storedDocumentTexts(db, [...new Set(cited.map((c) => c.ref.documentId))]);
  const lines = new Map<string, string[]>();
  const errors: TableRowError[] = [];
  for (const { change, prefix, ref } of cited) {
    const text = texts.get(ref.documentId);
    if (text === undefined) continue;
    if (!lines.has(ref.documentId)) lines.set(ref.documentId, textLines(text));
    const problem = citationProblem(lines.get(ref.documentId) ?? [], ref);
    if (problem === null) continue;
    const column = `${prefix}${problem.kind === 'line_beyond_end' ? 'Line' : 'Quote'}`;
    const value = problem.kind === 'line_beyond_end' ? String(problem.line) : problem.quote;
    const words = citationWords(problem);
    errors.push(rowError(change.place, column, value, words.ja, words.en));
  }
  return errors;
}
