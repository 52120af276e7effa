/**
 * Replays the published history and compares it with the published tables. Every published revision (import,
 * publish) holds the whole record after the change, or null after a delete, so the last one of each record is
 * what the tables must hold; a row edited, deleted or added without a revision shows as a difference.
 */

/** One record as a published revision left it; `record` is null after a delete. */
export interface LoggedRecord {
  entity: string;
  id: string;
  record: Record<string, unknown> | null;
  seq: number;
}

/** A record as the tables hold it, with the source rows its source fields are read from. */
export interface StoredRecord {
  entity: string;
  id: string;
  record: Record<string, unknown>;
  /** Field → source row id, e.g. `{ source: 'c1f…' }`: a 'source' revision corrects that row in place. */
  sourceIds: Record<string, string>;
}

export type TableDiscrepancy =
  | { kind: 'edited'; entity: string; id: string; seq: number; fields: string[] }
  | { kind: 'deleted'; entity: string; id: string; seq: number }
  /** `seq` is the revision that deleted it, when the log knew the record. */
  | { kind: 'added'; entity: string; id: string; seq?: number };

export const recordKey = (entity: string, id: string): string => `${entity}/${id}`;

/**
 * Folds records in log order into the last state of each; call again with the same map for the next page.
 * @example replayLog([{ entity: 'node', id: 'n', record: { title: 'a' }, seq: 1 }]).get('node/n')?.record // { title: 'a' }
 */
export function replayLog(
  records: Iterable<LoggedRecord>,
  into: Map<string, LoggedRecord> = new Map(),
): Map<string, LoggedRecord> {
  for (const logged of records) into.set(recordKey(logged.entity, logged.id), logged);
  return into;
}

/**
 * A value with null, undefined and empty objects left out at every depth, so an optional field the log wrote as
 * null equals one the table reader leaves out.
 * @example comparable({ a: null, b: { c: undefined }, d: [1, null] }) // { d: [1, null] }
 */
export function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : comparable(item)));
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const inner = comparable(field);
    if (inner === null || inner === undefined) continue;
    if (typeof inner === 'object' && !Array.isArray(inner) && Object.keys(inner).length === 0) continue;
    kept[key] = inner;
  }
  return kept;
}

// Equal as canonical JSON texts of comparable values would be, without writing them: sorting and serialising both
// sides of every record was most of `mieruka verify`'s time at national scale (issue 16).
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((item, n) => sameJson(item, b[n]));
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every(
      (key) =>
        Object.hasOwn(b, key) &&
        sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    );
  }
  if (b !== null && typeof b === 'object') return false;
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

const sameValue = (a: unknown, b: unknown) => sameJson(comparable({ value: a }), comparable({ value: b }));

// A 'source' revision newer than the record's own revision corrected the source row the record points at.
function expectedRecord(
  logged: LoggedRecord & { record: Record<string, unknown> },
  stored: StoredRecord,
  log: Map<string, LoggedRecord>,
): Record<string, unknown> {
  const expected = { ...logged.record };
  for (const [field, sourceId] of Object.entries(stored.sourceIds)) {
    const source = log.get(recordKey('source', sourceId));
    if (!source || source.seq < logged.seq) continue;
    if (source.record === null) delete expected[field];
    else {
      const { id: _id, ...ref } = source.record;
      expected[field] = ref;
    }
  }
  return expected;
}

function changedFields(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  // One comparison for the usual equal record; field by field only to name what differs.
  if (sameValue(expected, actual)) return [];
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return keys.filter((key) => !sameValue(expected[key], actual[key]));
}

/**
 * Every record whose stored content differs from the log, of the entities the table reader covered.
 * @example compareWithTables(log, stored, ['node']) // [{ kind: 'edited', entity: 'node', id: 'n', seq: 4, fields: ['title'] }]
 */
export function compareWithTables(
  log: Map<string, LoggedRecord>,
  stored: Iterable<StoredRecord>,
  entities: readonly string[],
): TableDiscrepancy[] {
  const found: TableDiscrepancy[] = [];
  const seen = new Set<string>();
  for (const row of stored) {
    const key = recordKey(row.entity, row.id);
    seen.add(key);
    const logged = log.get(key);
    if (!logged || logged.record === null) {
      found.push({ kind: 'added', entity: row.entity, id: row.id, ...(logged ? { seq: logged.seq } : {}) });
      continue;
    }
    const fields = changedFields(expectedRecord({ ...logged, record: logged.record }, row, log), row.record);
    if (fields.length > 0)
      found.push({ kind: 'edited', entity: row.entity, id: row.id, seq: logged.seq, fields });
  }
  const covered = new Set(entities);
  for (const [key, logged] of log) {
    if (logged.record !== null && covered.has(logged.entity) && !seen.has(key))
      found.push({ kind: 'deleted', entity: logged.entity, id: logged.id, seq: logged.seq });
  }
  return found;
}

/**
 * One line for a person, Japanese first.
 * @example describeDiscrepancy({ kind: 'deleted', entity: 'achievement', id: 'a1', seq: 40 })
 * // 'achievement a1: 変更履歴 (seq 40) にあるのに公開テーブルにありません (deleted behind the log's back: the log's seq 40 says it exists)'
 */
export function describeDiscrepancy(d: TableDiscrepancy): string {
  const what = `${d.entity} ${d.id}`;
  if (d.kind === 'edited')
    return `${what}: 公開中の内容が変更履歴 (seq ${d.seq}) と違います (edited behind the log's back: differs from seq ${d.seq} in ${d.fields.join(', ')})`;
  if (d.kind === 'deleted')
    return `${what}: 変更履歴 (seq ${d.seq}) にあるのに公開テーブルにありません (deleted behind the log's back: the log's seq ${d.seq} says it exists)`;
  return d.seq === undefined
    ? `${what}: 公開テーブルにあるのに変更履歴にありません (added behind the log's back: no revision records it)`
    : `${what}: 変更履歴 (seq ${d.seq}) で削除されたのに公開テーブルにあります (added behind the log's back: deleted at seq ${d.seq})`;
}
