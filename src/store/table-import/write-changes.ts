/**
 * Writes an import's changes inside the caller's transaction: new source rows, then new records in multi-row
 * INSERTs (parents before children), then updates by prepared statement, bumping each row's version.
 */
import type { Kysely } from 'kysely';
import type { IndicatorValueRecord } from '../../domain/editing/records.ts';
import type { ProgressCounter } from '../../domain/progress.ts';
import { generatedIdSeparator } from '../dataset-rows.ts';
import { bulkUpdate } from '../db.ts';
import { writeRecord } from '../editing/record-writes.ts';
import { achievementToRow } from '../records/achievement-rows.ts';
import { indicatorToRow } from '../records/indicator-rows.ts';
import {
  appendIndicatorValueRow,
  indicatorValueChangedColumns,
  indicatorValueColumns,
  indicatorValueToRow,
} from '../records/indicator-value-rows.ts';
import { nodeToRow } from '../records/node-rows.ts';
import type { Database } from '../schema.ts';
import { insertFlatRows, insertRows } from './bulk-insert.ts';
import type { ImportChange } from './import-change.ts';
import { SourceRegistry, sourceRowColumns } from './source-registry.ts';

// A new value's row: its id, its own columns, then the columns the writer adds.
const valueColumns = ['id', ...indicatorValueColumns, 'created_at', 'updated_at', 'source_id'] as const;

// The one character between an indicator's id and the rest of a generated value id.
const separatorCode = generatedIdSeparator.charCodeAt(0);

/**
 * Row numbers that put `ids` in order, e.g. `idOrder(['i.b:observation@2020', 'i.a:target'], ['i.b', 'i.a']) // [1, 0]`.
 * A new value's id starts with its indicator's id and ':', and a file lists each indicator's months in order:
 * sorting the indicators and checking each one's rows is far cheaper than comparing 100,000 ids (the full sort
 * remains for any id without that prefix).
 */
export function idOrder(ids: readonly string[], indicatorIds: readonly string[]): number[] {
  const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  // Grouped by the indicator id itself (a shared string, hashed once), checked in place: no prefix string per row.
  const groups = new Map<string, number[]>();
  let lastId: string | undefined;
  let lastGroup: number[] = [];
  for (let n = 0; n < ids.length; n += 1) {
    const indicatorId = indicatorIds[n]!;
    const id = ids[n]!;
    if (!(id.startsWith(indicatorId) && id.charCodeAt(indicatorId.length) === separatorCode))
      return ids.map((_, row) => row).sort(byId);
    if (indicatorId !== lastId) {
      lastId = indicatorId;
      let group = groups.get(indicatorId);
      if (group === undefined) {
        group = [];
        groups.set(indicatorId, group);
      }
      lastGroup = group;
    }
    lastGroup.push(n);
  }
  // Indicator ids hold no ':', so no prefix begins another and prefix order is id order.
  const prefixes = [...groups.keys()].map((indicatorId) => ({
    prefix: `${indicatorId}${generatedIdSeparator}`,
    rows: groups.get(indicatorId)!,
  }));
  prefixes.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
  return prefixes.flatMap(({ rows }) => {
    const sorted = rows.every((row, k) => k === 0 || byId(rows[k - 1]!, row) < 0);
    return sorted ? rows : rows.sort(byId);
  });
}

/** New values as flat columns (valueColumns order, row after row) and their ids: no array per value. */
class NewValues {
  readonly values: unknown[] = [];
  readonly ids: string[] = [];

  add(v: IndicatorValueRecord, now: string, sourceId: string | null): void {
    this.ids.push(v.id);
    this.indicatorIds.push(v.indicatorId);
    this.values.push(v.id);
    appendIndicatorValueRow(this.values, v);
    this.values.push(now, now, sourceId);
  }

  readonly indicatorIds: string[] = [];

  /** Row numbers in id order, so the primary key's B-tree fills in sequence. */
  order(): number[] {
    return idOrder(this.ids, this.indicatorIds);
  }
}

type Table = 'node' | 'indicator' | 'indicator_value' | 'achievement';
type BulkChange = Exclude<ImportChange, { entity: 'programSheet' | 'evaluation' }>;

// A 事務事業評価 table holds a few hundred sheets at most, each with its reported figures and viewpoints: they go
// through the editing path's one writer (record-writes.ts), record by record, like a staff edit.
const isEvaluationChange = (
  change: ImportChange,
): change is Extract<ImportChange, { entity: 'programSheet' | 'evaluation' }> =>
  change.entity === 'programSheet' || change.entity === 'evaluation';

function valuesOf(change: BulkChange): { table: Table; values: Record<string, unknown> } {
  if (change.entity === 'node') return { table: 'node', values: nodeToRow(change.after) };
  if (change.entity === 'indicator') return { table: 'indicator', values: indicatorToRow(change.after) };
  if (change.entity === 'achievement')
    return { table: 'achievement', values: achievementToRow(change.after) };
  return { table: 'indicator_value', values: indicatorValueToRow(change.after) };
}

const byId = (a: unknown[], b: unknown[]) => ((a[0] as string) < (b[0] as string) ? -1 : 1);

// Records per write call when counting progress: small enough for a line that moves, large enough to cost nothing.
const rowsPerStep = 10_000;

/** Writes the created and updated records of `changes`, counting each in `written`; unchanged ones are skipped. */
export async function writeChanges(
  trx: Kysely<Database>,
  changes: readonly ImportChange[],
  now: string,
  written?: ProgressCounter,
): Promise<void> {
  const sources = new SourceRegistry(now);
  const newValues = new NewValues();
  const inserts: Record<Table, unknown[][]> = {
    node: [],
    indicator: [],
    indicator_value: [],
    achievement: [],
  };
  // Each table's columns, as the first new row of it has them (every row of a table comes from one mapping).
  const columnsOf: Partial<Record<Table, string[]>> = {};
  const updates: { table: Table; id: string; values: Record<string, unknown> }[] = [];
  const evaluationChanges: Extract<ImportChange, { entity: 'programSheet' | 'evaluation' }>[] = [];
  for (const change of changes) {
    if (change.action === 'unchanged') continue;
    if (isEvaluationChange(change)) {
      evaluationChanges.push(change);
      continue;
    }
    if (change.action === 'create' && change.entity === 'indicatorValue') {
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
      columnsOf[table] ??= Object.keys(values);
      const columns = columnsOf[table];
      inserts[table].push(columns.map((c) => values[c]));
    } else {
      const own =
        change.entity === 'indicatorValue'
          ? indicatorValueChangedColumns(change.changedFields, values as never)
          : values;
      const set: Record<string, unknown> = { ...own, updated_at: now };
      if (source && change.changedFields.includes('source')) set.source_id = sources.idFor(source);
      updates.push({ table, id: change.id, values: set });
    }
  }
  await insertRows(trx, 'source', sourceRowColumns, sources.rows);
  // Nodes keep file order (parents first); values go in key order so the primary key's B-tree fills in sequence.
  inserts.indicator_value.sort(byId);
  for (const table of ['node', 'indicator', 'indicator_value', 'achievement'] as const) {
    const columns = columnsOf[table];
    if (columns !== undefined) await insertRows(trx, table, columns, inserts[table]);
    written?.add(inserts[table].length);
  }
  const order = newValues.order();
  for (let start = 0; start < order.length; start += rowsPerStep) {
    const rows = order.slice(start, start + rowsPerStep);
    await insertFlatRows(trx, 'indicator_value', valueColumns, newValues.values, rows);
    written?.add(rows.length);
  }
  await writeUpdates(trx, updates, written);
  // Sheets before evaluations, as a sheet's row names them; both after the nodes they sit under.
  for (const entity of ['programSheet', 'evaluation'] as const) {
    for (const change of evaluationChanges.filter((c) => c.entity === entity)) {
      await writeRecord(trx, entity, change.after, change.action === 'update', now);
      written?.add(1);
    }
  }
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
