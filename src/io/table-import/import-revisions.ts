/**
 * How an import enters the history. Up to `perRecordRevisionLimit` written records, one 'import' revision per
 * record, so each item's history shows the import precisely. Above it, one revision per import and plan: a
 * 100,000-row statistics file would otherwise add 100,000 hashed JSON documents, several times the cost of
 * writing the rows themselves. That revision's `after` still holds every created and updated record, in columns.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import type { RevisionInput } from '../../store/editing/contract.ts';
import {
  appendRevisions,
  appendSerialisedRevision,
  type SerialisedRevisionInput,
} from '../../store/editing/revisions.ts';
import type { Database } from '../../store/schema.ts';
import type { ImportCounts, ImportEntity } from './import-report.ts';
import type { RecordChange } from './record-change.ts';

/** Written records at or under this count get a revision each; more get one revision per plan. */
export const perRecordRevisionLimit = 1_000;

/** Records of one entity as columns and value rows: the keys once, not once per record. */
export interface RecordColumns {
  columns: string[];
  /**
   * One JSON array of values per line. Text rather than nested arrays: the chain hashes canonical JSON, and
   * sorting and copying 100,000 small arrays took longer than writing the rows to the database.
   */
  rows: string;
}

/** The `after` of a batched import revision. */
export interface BatchImportSummary {
  file: string;
  counts: ImportCounts;
  /** SHA-256 (hex) of the JSON of `created` then `updated`, so a copy of the rows can be checked against it. */
  sha256: string;
  created: Partial<Record<ImportEntity, RecordColumns>>;
  updated: Partial<Record<ImportEntity, RecordColumns>>;
}

const isNested = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Nested objects (a record's source) become dotted columns, so every row is an array of plain values.
function flatKeys(record: Record<string, unknown>, keys: Set<string>): void {
  for (const key in record) {
    const value = record[key];
    // An absent optional field, as JSON would leave it out.
    if (value === undefined) continue;
    if (!isNested(value)) keys.add(key);
    else for (const inner in value) keys.add(`${key}.${inner}`);
  }
}

const linesPerChunk = 256;

const isPlain = (value: unknown) => value === undefined || value === null || !isNested(value);

/**
 * The records as columns (sorted, nested fields dotted, missing fields null), e.g.
 * `recordColumns([{ id: 'a', source: { line: 3 } }]) // { columns: ['id', 'source.line'], rows: '["a",3]' }`.
 */
export function recordColumns(records: readonly object[]): RecordColumns {
  const keys = new Set<string>();
  for (const record of records) flatKeys(record as Record<string, unknown>, keys);
  const columns = [...keys].sort();
  const outer = columns.map((c) => (c.includes('.') ? c.slice(0, c.indexOf('.')) : c));
  const inner = columns.map((c) => (c.includes('.') ? c.slice(c.indexOf('.') + 1) : null));
  // Plain loops over one reused array: this runs once per imported record.
  const values: unknown[] = new Array(columns.length);
  // Joined a few hundred lines at a time, so each line's string dies young instead of being copied by every
  // garbage collection until the end.
  const chunks: string[] = [];
  let rows: string[] = [];
  for (let r = 0; r < records.length; r += 1) {
    const record = records[r] as Record<string, unknown>;
    for (let c = 0; c < columns.length; c += 1) {
      const value = record[outer[c]!];
      const key = inner[c];
      values[c] =
        key === null || key === undefined
          ? (value ?? null)
          : isPlain(value)
            ? null
            : ((value as Record<string, unknown>)[key] ?? null);
    }
    rows.push(JSON.stringify(values));
    if (rows.length === linesPerChunk) {
      chunks.push(rows.join('\n'));
      rows = [];
    }
  }
  if (rows.length > 0) chunks.push(rows.join('\n'));
  return { columns, rows: chunks.join('\n') };
}

function byEntity(changes: readonly RecordChange[]): Partial<Record<ImportEntity, RecordColumns>> {
  const groups = new Map<ImportEntity, object[]>();
  for (const change of changes) {
    const list = groups.get(change.entity) ?? [];
    list.push(change.after);
    groups.set(change.entity, list);
  }
  // Sorted entities, like every other key here, so JSON.stringify already writes canonical JSON.
  const entities = [...groups.keys()].sort();
  return Object.fromEntries(entities.map((entity) => [entity, recordColumns(groups.get(entity)!)]));
}

/**
 * One plan's written changes as the canonical JSON of a BatchImportSummary, serialised once: the history stores
 * and hashes this text as it is, e.g. `batchImportJson('obs.csv', counts, written) // '{"counts":{…},"created":…}'`.
 */
export function batchImportJson(
  file: string,
  counts: ImportCounts,
  written: readonly RecordChange[],
): string {
  const created = JSON.stringify(byEntity(written.filter((c) => c.action === 'create')));
  const updated = JSON.stringify(byEntity(written.filter((c) => c.action === 'update')));
  const sha256 = createHash('sha256').update(created).update(updated).digest('hex');
  // Keys in canonical (sorted) order: counts, created, file, sha256, updated.
  return `{"counts":${canonicalJson(counts)},"created":${created},"file":${JSON.stringify(file)},"sha256":"${sha256}","updated":${updated}}`;
}

type RevisionBase = Omit<RevisionInput, 'entity' | 'entityId' | 'planId' | 'before' | 'after'>;

function perRecord(written: readonly RecordChange[], base: RevisionBase): RevisionInput[] {
  return written.map((c) => ({
    ...base,
    entity: c.entity,
    entityId: c.id,
    planId: c.planId,
    before: c.before,
    after: c.after,
  }));
}

function perPlan(
  written: readonly RecordChange[],
  all: readonly RecordChange[],
  file: string,
  base: RevisionBase,
): SerialisedRevisionInput[] {
  const plans = [...new Set(written.map((c) => c.planId))];
  return plans.map((planId) => {
    const ofPlan = written.filter((c) => c.planId === planId);
    const tally = (action: string) => all.filter((c) => c.planId === planId && c.action === action).length;
    const counts = {
      created: tally('create'),
      updated: tally('update'),
      unchanged: tally('unchanged'),
      rejected: 0,
    };
    const afterJson = batchImportJson(file, counts, ofPlan);
    return { ...base, entity: 'plan', entityId: planId, planId, before: null, afterJson };
  });
}

/**
 * Appends the import's revisions: per record up to the limit, else one per plan.
 * @example await recordTableImport(trx, changes, { actor: 'cli', file: 'obs.csv', at }) // 1 revision for 100,000 rows
 */
export async function recordTableImport(
  trx: Kysely<Database>,
  changes: readonly RecordChange[],
  options: { actor: string; file: string; at: string },
): Promise<number> {
  const written = changes.filter((c) => c.action !== 'unchanged');
  if (written.length === 0) return 0;
  const base = {
    action: 'import' as const,
    actor: options.actor,
    at: options.at,
    reason: `取り込み (import): ${options.file}`,
    published: true,
  };
  if (written.length <= perRecordRevisionLimit)
    return (await appendRevisions(trx, perRecord(written, base))).length;
  const inputs = perPlan(written, changes, options.file, base);
  for (const input of inputs) await appendSerialisedRevision(trx, input);
  return inputs.length;
}
