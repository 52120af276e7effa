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
  columnarJson,
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

/** Which of the fields statistics files seldom fill at least one of `records` fills. */
function filledOptionalFields(records: readonly IndicatorValueRecord[]) {
  const filled = { note: false, outOf: false, rankOf: false, page: false, section: false, url: false };
  for (let n = 0; n < records.length; n += 1) {
    const r = records[n]!;
    if ((r.note ?? null) !== null) filled.note = true;
    if (r.outOf !== null) filled.outOf = true;
    if (r.rankOf !== null) filled.rankOf = true;
    if ((r.source?.page ?? null) !== null) filled.page = true;
    if ((r.source?.section ?? null) !== null) filled.section = true;
    if ((r.source?.url ?? null) !== null) filled.url = true;
  }
  return filled;
}

/** The indicator values' fields as columns, read in one pass (by name, 100,000 records took ten times as long). */
function valueColumns(records: readonly IndicatorValueRecord[]): ValueColumns {
  const column = () => new Array<CellValue>(records.length);
  // Fields a statistics file leaves empty on every row share one array of nulls, which the writes below leave null
  // and columnarFromValues leaves out like any column of nulls: an array of 100,000 is a large object V8 maps fresh
  // memory for, which costs more than filling it.
  const filled = filledOptionalFields(records);
  const nulls = new Array<CellValue>(records.length).fill(null);
  const optional = (field: keyof typeof filled) => (filled[field] ? column() : nulls);
  const c: ValueColumns = {
    date: column(),
    id: column(),
    indicatorId: column(),
    note: optional('note'),
    outOf: optional('outOf'),
    position: column(),
    qualifier: column(),
    rankOf: optional('rankOf'),
    role: column(),
    'source.documentId': column(),
    'source.line': column(),
    'source.page': optional('page'),
    'source.quote': column(),
    'source.section': optional('section'),
    'source.url': optional('url'),
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
function groupedByIndicator(records: readonly object[]): readonly object[] {
  const groups = new Map<unknown, object[]>();
  for (const record of records) {
    const key = (record as { indicatorId?: unknown }).indicatorId;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [record]);
    else group.push(record);
  }
  return groups.size === records.length ? records : [...groups.values()].flat();
}

/** Each entity's records as columns, one entry per entity, entities sorted as canonical JSON sorts keys. */
function byEntity(groups: ReadonlyMap<ImportEntity, object[]>): [ImportEntity, ColumnarRecords][] {
  return [...groups.keys()].sort().map((entity) => {
    const records = groupedByIndicator(groups.get(entity)!);
    if (entity !== 'indicatorValue') return [entity, columnarRecords(records)];
    const values = records as IndicatorValueRecord[];
    return [entity, columnarFromValues(records.length, valueColumns(values))];
  });
}

/** `JSON.stringify` of the entries as one object, column by column (see columnarJson). */
const entitiesJson = (entries: readonly [ImportEntity, ColumnarRecords][]) =>
  `{${entries.map(([entity, records]) => `${JSON.stringify(entity)}:${columnarJson(records)}`).join(',')}}`;

/** The created and the updated records by entity, in file order, sorted out in one pass. */
function recordsByAction(changes: readonly ImportChange[]) {
  const created = new Map<ImportEntity, object[]>();
  const updated = new Map<ImportEntity, object[]>();
  for (const change of changes) {
    if (change.action === 'unchanged') continue;
    const groups = change.action === 'create' ? created : updated;
    const list = groups.get(change.entity);
    if (list === undefined) groups.set(change.entity, [change.after]);
    else list.push(change.after);
  }
  return { created, updated };
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
  const { created, updated } = recordsByAction(written);
  const createdJson = entitiesJson(byEntity(created));
  const updatedJson = entitiesJson(byEntity(updated));
  // Keys in canonical (sorted) order: counts, created, file, updated.
  return `{"counts":${canonicalJson(counts)},"created":${createdJson},"file":${JSON.stringify(file)},"updated":${updatedJson}}`;
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
  let count = 0;
  for (const c of changes) if (c.action !== 'unchanged') count += 1;
  if (count === 0) return 0;
  const published = options.published ?? true;
  const base = {
    action: 'import' as const,
    actor: options.actor,
    at: options.at,
    reason: `取り込み (import${published ? '' : ', 下書き / as drafts'}): ${options.file}`,
    published,
  };
  const warnings = options.confirmedWarnings ?? new Map<string, readonly string[]>();
  if (count <= perRecordRevisionLimit) {
    const written = changes.filter((c) => c.action !== 'unchanged');
    return (await appendRevisions(trx, perRecord(written, base, warnings))).length;
  }
  const all = [...warnings.values()].flat();
  const inputs = perPlan(changes, options.file, { ...base, reason: withWarnings(base.reason, all) });
  await appendSerialisedRevisions(trx, inputs);
  return inputs.length;
}
