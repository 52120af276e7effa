/**
 * Checks the line and quote a record's sources cite against the cited document's stored text (registered
 * documents keep it in document_file). Documents without stored text are not checked here.
 */
import type { Kysely } from 'kysely';
import { citationMessage, citationProblem, textLines } from '../../domain/citation.ts';
import type { EditingEntity, EditingRecord } from '../../domain/editing/records.ts';
import type { SourceRef } from '../../domain/model.ts';
import { documentText } from '../registry/documents.ts';
import type { Database } from '../schema.ts';
import type { FieldIssue } from './contract.ts';

/** The source references of a record, by the field path their problems are reported on. */
function citedSources(entity: EditingEntity, record: EditingRecord): [string, SourceRef][] {
  if (entity === 'source') return [['', record as SourceRef]];
  const r = record as { source?: SourceRef; statusSource?: SourceRef };
  return [
    ...(r.source ? [['source', r.source] as [string, SourceRef]] : []),
    ...(r.statusSource ? [['statusSource', r.statusSource] as [string, SourceRef]] : []),
  ];
}

const fieldOf = (prefix: string, name: string) => (prefix === '' ? name : `${prefix}.${name}`);

/**
 * One issue per source whose line is beyond the document's end or whose quote is not on its line, e.g.
 * `await citationIssues(db, 'observation', record) // [{ field: 'source.quote', message: '引用「…」は 3 行目にありません…' }]`.
 */
export async function citationIssues(
  db: Kysely<Database>,
  entity: EditingEntity,
  record: EditingRecord,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const [prefix, ref] of citedSources(entity, record)) {
    if (ref.line === undefined && ref.quote === undefined) continue;
    const text = await documentText(db, ref.documentId);
    if (text === undefined) continue;
    const problem = citationProblem(textLines(text), ref);
    if (problem)
      issues.push({
        field: fieldOf(prefix, problem.kind === 'line_beyond_end' ? 'line' : 'quote'),
        message: citationMessage(problem),
      });
  }
  return issues;
}
