/**
 * `mieruka verify`'s second half: replays the published history and names every record whose stored content
 * differs from it. Here rather than in src/store because a large import's revision holds its records as columns
 * (src/domain/editing/columnar-records.ts).
 */
import type { Kysely } from 'kysely';
import { type ColumnarRecords, expandColumns } from '../../domain/editing/columnar-records.ts';
import {
  compareWithTables,
  type LoggedRecord,
  replayLog,
  type TableDiscrepancy,
} from '../../domain/editing/log-replay.ts';
import { currentEntityName } from '../../domain/editing/records.ts';
import type { Revision } from '../../store/editing/contract.ts';
import { walkPublishedRevisions } from '../../store/editing/revisions.ts';
import { readStoredRecords, storedEntities } from '../../store/editing/stored-records.ts';
import type { Database } from '../../store/schema.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// A large table import's one revision per plan (src/store/table-import/import-revisions.ts), told by its shape.
function batchRecords(revision: Revision): LoggedRecord[] | undefined {
  const { action, before, after } = revision;
  if (action !== 'import' || before !== null || !isObject(after) || typeof after.file !== 'string')
    return undefined;
  if (!isObject(after.counts) || !isObject(after.created) || !isObject(after.updated)) return undefined;
  const records: LoggedRecord[] = [];
  for (const group of [after.created, after.updated]) {
    for (const [entity, columns] of Object.entries(group)) {
      for (const record of expandColumns(columns as ColumnarRecords))
        records.push({ entity: currentEntityName(entity), id: String(record.id), record, seq: revision.seq });
    }
  }
  return records;
}

/**
 * The records one published revision sets: the whole record after it, null after a delete. Each under its
 * entity's current name, whatever name the revision was written with (`observation` → `indicatorValue`).
 * @example loggedRecordsOf(publishRevision) // [{ entity: 'node', id: 'pillar-1', record: { title: … }, seq: 7 }]
 */
export function loggedRecordsOf(revision: Revision): LoggedRecord[] {
  // verifyChain reports an unreadable row by its seq; here it sets nothing.
  if (revision.unreadable) return [];
  const batch = batchRecords(revision);
  if (batch) return batch;
  const { entityId: id, seq, after } = revision;
  const entity = currentEntityName(revision.entity);
  if (after === null) return [{ entity, id, record: null, seq }];
  return isObject(after) ? [{ entity, id, record: after, seq }] : [];
}

/**
 * Every record whose published content differs from what the history says, e.g. `await checkTablesAgainstLog(db) // []`.
 */
export async function checkTablesAgainstLog(db: Kysely<Database>): Promise<TableDiscrepancy[]> {
  const log = new Map<string, LoggedRecord>();
  await walkPublishedRevisions(db, (page) => {
    replayLog(
      page.flatMap((revision) => loggedRecordsOf(revision)),
      log,
    );
  });
  return compareWithTables(log, await readStoredRecords(db), storedEntities);
}
