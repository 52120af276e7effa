/**
 * Writes an import's changes inside the caller's transaction: new source rows, then new records in multi-row
 * INSERTs (parents before children), then updates by prepared statement, bumping each row's version.
 */
import type { Kysely } from 'kysely';
import type { ObservationRecord } from '../../domain/editing/records.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import type { ProgressCounter } from '../../domain/progress.ts';
import { generatedIdSeparator } from '../../store/dataset-rows.ts';
import { bulkUpdate } from '../../store/db.ts';
import { rowColumns } from '../../store/editing/record-writes.ts';
import type { Database } from '../../store/schema.ts';
import { insertFlatRows, insertRows } from './bulk-insert.ts';
import type { RecordChange } from './record-change.ts';
import { SourceRegistry, sourceRowColumns } from './source-registry.ts';

const nodeColumns = [
  'id',
  'plan_id',
  'parent_id',
  'position',
  'kind',
  'code',
  'title',
  'title_en',
  'slogan',
  'vision_phrase',
  'description',
  'status',
  'status_date',
  'created_at',
  'updated_at',
  'source_id',
] as const;

const indicatorColumns = [
  'id',
  'node_id',
  'position',
  'name',
  'name_en',
  'unit',
  'kind',
  'direction',
  'cumulative',
  'highlight',
  'achievement_formula',
  'description',
  'created_at',
  'updated_at',
] as const;

const valueColumns = [
  'id',
  'indicator_id',
  'role',
  'position',
  'value',
  'text',
  'date',
  'fiscal_year',
  'qualifier',
  'out_of',
  'rank_of',
  'note',
  'created_at',
  'updated_at',
  'source_id',
] as const;

// Fiscal years repeat across thousands of rows; parse each date once.
const fiscalYears = new Map<string, number | null>();
function fiscalYearOf(date: string | null): number | null {
  if (date === null) return null;
  let year = fiscalYears.get(date);
  if (year === undefined) {
    year = parsePartialDate(date)?.fiscalYear ?? null;
    fiscalYears.set(date, year);
  }
  return year;
}

const valueValues = (v: ObservationRecord) => ({
  indicator_id: v.indicatorId,
  role: v.role,
  position: v.position,
  value: v.value,
  text: v.text ?? null,
  date: v.date,
  fiscal_year: fiscalYearOf(v.date),
  qualifier: v.qualifier,
  out_of: v.outOf,
  rank_of: v.rankOf,
  note: v.note ?? null,
});

/**
 * Row numbers that put `ids` in order, e.g. `idOrder(['i.b:observation@2020', 'i.a:target'], ['i.b', 'i.a']) // [1, 0]`.
 * A new value's id starts with its indicator's id and ':', and a file lists each indicator's months in order:
 * sorting the indicators and checking each one's rows is far cheaper than comparing 100,000 ids (the full sort
 * remains for any id without that prefix).
 */
export function idOrder(ids: readonly string[], indicatorIds: readonly string[]): number[] {
  const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  const groups = new Map<string, number[]>();
  for (let n = 0; n < ids.length; n += 1) {
    const prefix = `${indicatorIds[n]}${generatedIdSeparator}`;
    if (!ids[n]!.startsWith(prefix)) return ids.map((_, row) => row).sort(byId);
    const group = groups.get(prefix);
    if (group === undefined) groups.set(prefix, [n]);
    else group.push(n);
  }
  // Indicator ids hold no ':', so no prefix begins another and prefix order is id order.
  const prefixes = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return prefixes.flatMap((prefix) => {
    const rows = groups.get(prefix)!;
    const sorted = rows.every((row, k) => k === 0 || byId(rows[k - 1]!, row) < 0);
    return sorted ? rows : rows.sort(byId);
  });
}

/** New values as flat columns (valueColumns order, row after row) and their ids: no array per value. */
class NewValues {
  readonly values: unknown[] = [];
  readonly ids: string[] = [];

  add(v: ObservationRecord, now: string, sourceId: string | null): void {
    this.ids.push(v.id);
    this.indicatorIds.push(v.indicatorId);
    this.values.push(
      v.id,
      v.indicatorId,
      v.role,
      v.position,
      v.value,
      v.text ?? null,
      v.date,
      fiscalYearOf(v.date),
      v.qualifier,
      v.outOf,
      v.rankOf,
      v.note ?? null,
      now,
      now,
      sourceId,
    );
  }

  readonly indicatorIds: string[] = [];

  /** Row numbers in id order, so the primary key's B-tree fills in sequence. */
  order(): number[] {
    return idOrder(this.ids, this.indicatorIds);
  }
}

type Table = 'node' | 'indicator' | 'indicator_value';

function valuesOf(change: RecordChange): { table: Table; values: Record<string, unknown> } {
  if (change.entity === 'node') return { table: 'node', values: rowColumns('node', change.after) };
  if (change.entity === 'indicator')
    return { table: 'indicator', values: rowColumns('indicator', change.after) };
  return { table: 'indicator_value', values: valueValues(change.after) };
}

// The columns holding each observation field (a source is written as its own row, so it has none here).
const observationFieldColumns: Readonly<Record<string, readonly string[]>> = {
  indicatorId: ['indicator_id'],
  role: ['role'],
  position: ['position'],
  value: ['value'],
  text: ['text'],
  date: ['date', 'fiscal_year'],
  qualifier: ['qualifier'],
  outOf: ['out_of'],
  rankOf: ['rank_of'],
  note: ['note'],
};

/**
 * Only the columns of an updated value's changed fields: setting an indexed column SQLite must rewrite its index
 * entry even when the value stays, and a re-import usually changes a value's number and printed text, nothing else.
 */
function changedValueColumns(
  fields: readonly string[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const field of fields) {
    for (const column of observationFieldColumns[field] ?? []) changed[column] = values[column];
  }
  return changed;
}

const columnsOf: Record<Table, readonly string[]> = {
  node: nodeColumns,
  indicator: indicatorColumns,
  indicator_value: valueColumns,
};

const byId = (a: unknown[], b: unknown[]) => ((a[0] as string) < (b[0] as string) ? -1 : 1);

// Records per write call when counting progress: small enough for a line that moves, large enough to cost nothing.
const rowsPerStep = 10_000;

/** Writes the created and updated records of `changes`, counting each in `written`; unchanged ones are skipped. */
export async function writeChanges(
  trx: Kysely<Database>,
  changes: readonly RecordChange[],
  now: string,
  written?: ProgressCounter,
): Promise<void> {
  const sources = new SourceRegistry(now);
  const newValues = new NewValues();
  const inserts: Record<Table, unknown[][]> = { node: [], indicator: [], indicator_value: [] };
  const updates: { table: Table; id: string; values: Record<string, unknown> }[] = [];
  for (const change of changes) {
    if (change.action === 'unchanged') continue;
    if (change.action === 'create' && change.entity === 'observation') {
      const source = change.after.source;
      newValues.add(change.after, now, source ? sources.idFor(source) : null);
      continue;
    }
    const { table, values } = valuesOf(change);
    const source = 'source' in change.after ? change.after.source : undefined;
    if (change.action === 'create') {
      values.id = change.id;
      values.created_at = now;
      values.updated_at = now;
      if (table !== 'indicator') values.source_id = source ? sources.idFor(source) : null;
      inserts[table].push(columnsOf[table].map((c) => values[c]));
    } else {
      const own =
        change.entity === 'observation' ? changedValueColumns(change.changedFields, values) : values;
      const set: Record<string, unknown> = { ...own, updated_at: now };
      if (source && change.changedFields.includes('source')) set.source_id = sources.idFor(source);
      updates.push({ table, id: change.id, values: set });
    }
  }
  await insertRows(trx, 'source', sourceRowColumns, sources.rows);
  // Nodes keep file order (parents first); values go in key order so the primary key's B-tree fills in sequence.
  inserts.indicator_value.sort(byId);
  for (const table of ['node', 'indicator', 'indicator_value'] as const) {
    await insertRows(trx, table, columnsOf[table], inserts[table]);
    written?.add(inserts[table].length);
  }
  const order = newValues.order();
  for (let start = 0; start < order.length; start += rowsPerStep) {
    const rows = order.slice(start, start + rowsPerStep);
    await insertFlatRows(trx, 'indicator_value', valueColumns, newValues.values, rows);
    written?.add(rows.length);
  }
  await writeUpdates(trx, updates, written);
}

/** Updates grouped by table and the columns they set (usually one group per table), each group in one bulk call. */
async function writeUpdates(
  trx: Kysely<Database>,
  updates: readonly { table: Table; id: string; values: Record<string, unknown> }[],
  written: ProgressCounter | undefined,
): Promise<void> {
  const groups = new Map<string, { table: Table; columns: string[]; values: unknown[] }>();
  for (const { table, id, values } of updates) {
    const columns = Object.keys(values);
    const key = `${table}\t${columns.join(',')}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { table, columns, values: [] };
      groups.set(key, group);
    }
    for (const column of columns) group.values.push(values[column]);
    group.values.push(id);
  }
  for (const { table, columns, values } of groups.values()) {
    const width = columns.length + 1;
    for (let start = 0; start < values.length; start += rowsPerStep * width) {
      const rows = values.slice(start, start + rowsPerStep * width);
      await bulkUpdate(trx, table, columns, rows);
      written?.add(rows.length / width);
    }
  }
}
