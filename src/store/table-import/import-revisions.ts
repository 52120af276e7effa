/**
 * How an import enters the history. Up to `perRecordRevisionLimit` written records, one 'import' revision per
 * record, so each item's history shows the import precisely. Above it, one revision per import and plan: a
 * 100,000-row statistics file would otherwise add 100,000 hashed JSON documents, several times the cost of
 * writing the rows themselves. That revision's `after` still holds every created and updated record, as compact
 * columns (columnar-records.ts).
 */
import type { Kysely } from 'kysely';
import {
  type CellValue,
  type ColumnarRecords,
  columnarFromValues,
  columnarRecords,
} from '../../domain/editing/columnar-records.ts';
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import type { IndicatorValueRecord } from '../../domain/editing/records.ts';
import type { SourceRef } from '../../domain/model.ts';
import type { RevisionInput } from '../editing/contract.ts';
import { perRecordRevisionLimit } from '../editing/import-revisions.ts';
import {
  appendRevisions,
  appendSerialisedRevisions,
  type SerialisedRevisionInput,
} from '../editing/revisions.ts';
import type { Database } from '../schema.ts';
import type { ImportChange, ImportCounts, ImportEntity } from './import-change.ts';

export { perRecordRevisionLimit };

/** The `after` of a batched import revision: every created and updated record, as compact columns. */
export interface BatchImportSummary {
  file: string;
  counts: ImportCounts;
  created: Partial<Record<ImportEntity, ColumnarRecords>>;
  updated: Partial<Record<ImportEntity, ColumnarRecords>>;
}

/** Every field of an indicator value and of its source, one array each: a new field is a compile error here. */
type ValueColumns = { [K in Exclude<keyof IndicatorValueRecord, 'source'>]-?: CellValue[] } & {
  [K in keyof SourceRef as `source.${K}`]-?: CellValue[];
};

/** The indicator values' fields as columns, read in one pass (by name, 100,000 records took ten times as long). */
function valueColumns(records: readonly IndicatorValueRecord[]): ValueColumns {
  const column = () => new Array<CellValue>(records.length);
  const c: ValueColumns = {
    date: column(),
    id: column(),
    indicatorId: column(),
    note: column(),
    outOf: column(),
    position: column(),
    qualifier: column(),
    rankOf: column(),
    role: column(),
    'source.documentId': column(),
    'source.line': column(),
    'source.page': column(),
    'source.quote': column(),
    'source.section': column(),
    'source.url': column(),
    text: column(),
    value: column(),
  };
  for (let n = 0; n < records.length; n += 1) {
    const r = records[n]!;
    c.date[n] = r.date;
    c.id[n] = r.id;
    c.indicatorId[n] = r.indicatorId;
    c.note[n] = r.note ?? null;
    c.outOf[n] = r.outOf;
    c.position[n] = r.position;
    c.qualifier[n] = r.qualifier;
    c.rankOf[n] = r.rankOf;
    c.role[n] = r.role;
    c['source.documentId'][n] = r.source?.documentId ?? null;
    c['source.line'][n] = r.source?.line ?? null;
    c['source.page'][n] = r.source?.page ?? null;
    c['source.quote'][n] = r.source?.quote ?? null;
    c['source.section'][n] = r.source?.section ?? null;
    c['source.url'][n] = r.source?.url ?? null;
    c.text[n] = r.text ?? null;
    c.value[n] = r.value;
  }
  return c;
}

/**
 * An indicator's values together, in file order within each indicator: its id, role and source then make one run
 * each instead of a value per record, and its ids differ only in the date.
 */
function groupedByIndicator(records: readonly object[]): object[] {
  const groups = new Map<unknown, object[]>();
  for (const record of records) {
    const key = (record as { indicatorId?: unknown }).indicatorId;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [record]);
    else group.push(record);
  }
  return groups.size === records.length ? [...records] : [...groups.values()].flat();
}

function byEntity(changes: readonly ImportChange[]): Partial<Record<ImportEntity, ColumnarRecords>> {
  const groups = new Map<ImportEntity, object[]>();
  for (const change of changes) {
    const list = groups.get(change.entity) ?? [];
    list.push(change.after);
    groups.set(change.entity, list);
  }
  // Sorted entities, like every other key here, so JSON.stringify already writes canonical JSON.
  const entities = [...groups.keys()].sort();
  return Object.fromEntries(
    entities.map((entity) => {
      const records = groupedByIndicator(groups.get(entity)!);
      if (entity !== 'indicatorValue') return [entity, columnarRecords(records)];
      const values = records as IndicatorValueRecord[];
      return [entity, columnarFromValues(records.length, valueColumns(values))];
    }),
  );
}

/**
 * One plan's written changes as the canonical JSON of a BatchImportSummary, serialised once: the history stores
 * and hashes this text as it is, e.g. `batchImportJson('obs.csv', counts, written) // '{"counts":{…},"created":…}'`.
 */
export function batchImportJson(
  file: string,
  counts: ImportCounts,
  written: readonly ImportChange[],
): string {
  const created = JSON.stringify(byEntity(written.filter((c) => c.action === 'create')));
  const updated = JSON.stringify(byEntity(written.filter((c) => c.action === 'update')));
  // Keys in canonical (sorted) order: counts, created, file, updated.
  return `{"counts":${canonicalJson(counts)},"created":${created},"file":${JSON.stringify(file)},"updated":${updated}}`;
}

type RevisionBase = Omit<RevisionInput, 'entity' | 'entityId' | 'planId' | 'before' | 'after'>;

/** The import's reason, followed by the plausibility warnings staff confirmed (the first 100 and a count). */
export function withWarnings(reason: string, warnings: readonly string[]): string {
  if (warnings.length === 0) return reason;
  const shown = warnings.slice(0, 100);
  const rest = warnings.length - shown.length;
  const more = rest > 0 ? ` / ほか ${rest} 件 (${rest} more)` : '';
  return `${reason} / 確認済みの注意 (confirmed warnings): ${shown.join(' / ')}${more}`;
}

function perRecord(
  written: readonly ImportChange[],
  base: RevisionBase,
  warnings: ReadonlyMap<string, readonly string[]>,
): RevisionInput[] {
  return written.map((c) => ({
    ...base,
    reason: withWarnings(base.reason ?? '', warnings.get(c.id) ?? []),
    entity: c.entity,
    entityId: c.id,
    planId: c.planId,
    before: c.before,
    after: c.after,
  }));
}

/** Each plan's written changes and its counts, in one pass over every change. */
function byPlan(all: readonly ImportChange[]) {
  const plans = new Map<string, { written: ImportChange[]; counts: ImportCounts }>();
  for (const change of all) {
    let plan = plans.get(change.planId);
    if (plan === undefined) {
      plan = { written: [], counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 } };
      plans.set(change.planId, plan);
    }
    if (change.action === 'unchanged') plan.counts.unchanged += 1;
    else {
      plan.written.push(change);
      if (change.action === 'create') plan.counts.created += 1;
      else plan.counts.updated += 1;
    }
  }
  return plans;
}

function perPlan(all: readonly ImportChange[], file: string, base: RevisionBase): SerialisedRevisionInput[] {
  return [...byPlan(all)]
    .filter(([, plan]) => plan.written.length > 0)
    .map(([planId, { written, counts }]) => {
      const afterJson = batchImportJson(file, counts, written);
      return { ...base, entity: 'plan', entityId: planId, planId, before: null, afterJson };
    });
}

/**
 * Appends the import's revisions: per record up to the limit, else one per plan.
 * @example await recordTableImport(trx, changes, { actor: 'cli', file: 'obs.csv', at }) // 1 revision for 100,000 rows
 */
export async function recordTableImport(
  trx: Kysely<Database>,
  changes: readonly ImportChange[],
  options: {
    actor: string;
    file: string;
    at: string;
    /** False when the import saved drafts: nothing citizens see changed yet. */
    published?: boolean;
    confirmedWarnings?: ReadonlyMap<string, readonly string[]>;
  },
): Promise<number> {
  const written = changes.filter((c) => c.action !== 'unchanged');
  if (written.length === 0) return 0;
  const published = options.published ?? true;
  const base = {
    action: 'import' as const,
    actor: options.actor,
    at: options.at,
    reason: `取り込み (import${published ? '' : ', 下書き / as drafts'}): ${options.file}`,
    published,
  };
  const warnings = options.confirmedWarnings ?? new Map<string, readonly string[]>();
  if (written.length <= perRecordRevisionLimit)
    return (await appendRevisions(trx, perRecord(written, base, warnings))).length;
  const all = [...warnings.values()].flat();
  const inputs = perPlan(changes, options.file, { ...base, reason: withWarnings(base.reason, all) });
  await appendSerialisedRevisions(trx, inputs);
  return inputs.length;
}
