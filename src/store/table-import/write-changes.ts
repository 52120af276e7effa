/**
 * Writes an import's changes inside the caller's transaction: new source rows, then new records in multi-row
 * INSERTs (parents before children), then updates by prepared statement, bumping each row's version.
 */
import type { Kysely } from 'kysely';
import type { IndicatorValueRecord } from '../../domain/editing/records.ts';
import type { ProgressCounter } from '../../domain/progress.ts';
import { generatedIdSeparator } from '../dataset-rows.ts';
import { bulkInsertRows, bulkUpdate, type RowSource } from '../db.ts';
import { writeRecord } from '../editing/record-writes.ts';
import { achievementToRow } from '../records/achievement-rows.ts';
import { indicatorToRow } from '../records/indicator-rows.ts';
import {
  indicatorValueChangedColumns,
  indicatorValueColumns,
  indicatorValueToRow,
  writeIndicatorValueRow,
} from '../records/indicator-value-rows.ts';
import { nodeToRow } from '../records/node-rows.ts';
import type { Database } from '../schema.ts';
import { insertRows } from './bulk-insert.ts';
import type { ImportChange } from './import-change.ts';
import { SourceRegistry, sourceRowColumns } from './source-registry.ts';

// A new value's row: its id, its own columns, then the columns the writer adds.
const valueColumns = ['id', ...indicatorValueColumns, 'created_at', 'updated_at', 'source_id'] as const;

// The one character between an indicator's id and the rest of a generated value id.
const separatorCode = generatedIdSeparator.charCodeAt(0);

/**
 * Row numbers that put `values` in id order, e.g. `idOrder([{ id: 'i.b:target', indicatorId: 'i.b' }, { id: 'i.a:target', indicatorId: 'i.a' }]) // [1, 0]`.
 * A new value's id starts with its indicator's id and ':', and a file lists each indicator's months in order:
 * sorting the indicators and checking each one's rows is far cheaper than comparing 100,000 ids (the full sort
 * remains for any id without that prefix).
 */
export function idOrder(values: readonly { id: string; indicatorId: string }[]): number[] {
  const byId = (a: number, b: number) => {
    const x = values[a]!.id;
    const y = values[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // Grouped by the indicator id itself (a shared string, hashed once), checked in place: no prefix string per row.
  const groups = new Map<string, number[]>();
  let lastId: string | undefined;
  let lastGroup: number[] = [];
  for (let n = 0; n < values.length; n += 1) {
    const { id, indicatorId } = values[n]!;
    if (!(id.startsWith(indicatorId) && id.charCodeAt(indicatorId.length) === separatorCode))
      return values.map((_, row) => row).sort(byId);
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

/**
 * `count` of the new values, from the `start`th in id order, handed to the bulk insert row by row in valueColumns
 * order: no array per value, and no flat array of every value (see bulkInsertRows).
 */
class NewValueRows implements RowSource {
  constructor(
    private readonly values: readonly IndicatorValueRecord[],
    private readonly sourceIds: readonly (string | null)[],
    private readonly order: readonly number[],
    private readonly start: number,
    readonly count: number,
    private readonly now: string,
  ) {}

  write(row: number, out: unknown[], at: number): void {
    const n = this.order[this.start + row]!;
    const v = this.values[n]!;
    out[at] = v.id;
    const next = writeIndicatorValueRow(out, at + 1, v);
    out[next] = this.now;
    out[next + 1] = this.now;
    out[next + 2] = this.sourceIds[n];
  }
}

type Table = 'node' | 'indicator' | 'indicator_value' | 'achievement';
type BulkChange = Exclude<ImportChange, { entity: 'programSheet' | 'evaluation' }>;
type EvaluationChange = Extract<ImportChange, { entity: 'programSheet' | 'evaluation' }>;

// A 事務事業評価 table holds a few hundred sheets at most, each with its reported figures and viewpoints: they go
// through the editing path's one writer (record-writes.ts), record by record, like a staff edit.
const isEvaluationChange = (change: ImportChange): change is EvaluationChange =>
  change.entity === 'programSheet' || change.entity === 'evaluation';

function valuesOf(change: BulkChange): { table: Table; values: Record<string, unknown> } {
  if (change.entity === 'node') return { table: 'node', values: nodeToRow(change.after) };
  if (change.entity === 'indicator') return { table: 'indicator', values: indicatorToRow(change.after) };
  if (change.entity === 'achievement')
    return { table: 'achievement', values: achievementToRow(change.after) };
  return { table: 'indicator_value', values: indicatorValueToRow(change.after) };
}

// Records per write call when counting progress: small enough for a line that moves, large enough to cost nothing.
const rowsPerStep = 10_000;

/** What `writeChanges` writes, sorted out in one pass over the changes. */
interface PlannedWrites {
  sources: SourceRegistry;
  /** New values, in file order, and the ids of the source rows they cite. */
  newValues: IndicatorValueRecord[];
  sourceIds: (string | null)[];
  /** Other new records, as value arrays in `columnsOf` order, by table. */
  inserts: Record<Table, unknown[][]>;
  /** Each table's columns, as the first new row of it has them (every row of a table comes from one mapping). */
  columnsOf: Partial<Record<Table, string[]>>;
  updates: { table: Table; id: string; values: Record<string, unknown> }[];
  evaluationChanges: EvaluationChange[];
}

function newValueCount(changes: readonly ImportChange[]): number {
  let count = 0;
  for (const change of changes)
    if (change.action === 'create' && change.entity === 'indicatorValue') count += 1;
  return count;
}

/**
 * The pass over every change, kept apart from the async writer: a small synchronous loop is compiled on its own,
 * quickly, and calls nothing that differs from one import to the next.
 */
function plannedWrites(changes: readonly ImportChange[], now: string): PlannedWrites {
  // Counted first, so the usual import's large arrays are made to size rather than grown.
  const created = newValueCount(changes);
  const planned: PlannedWrites = {
    sources: new SourceRegistry(now),
    newValues: new Array(created),
    sourceIds: new Array(created),
    inserts: { node: [], indicator: [], indicator_value: [], achievement: [] },
    columnsOf: {},
    updates: [],
    evaluationChanges: [],
  };
  const { sources, newValues, sourceIds } = planned;
  let n = 0;
  for (const change of changes) {
    if (change.action === 'unchanged') continue;
    if (change.action === 'create' && change.entity === 'indicatorValue') {
      const source = change.after.source;
      newValues[n] = change.after;
      sourceIds[n] = source ? sources.idFor(source) : null;
      n += 1;
    } else if (isEvaluationChange(change)) planned.evaluationChanges.push(change);
    else planOther(planned, change, now);
  }
  return planned;
}

/** A change other than a new value: a new node, indicator or achievement, or any update. */
function planOther(planned: PlannedWrites, change: BulkChange, now: string): void {
  const { sources } = planned;
  const { table, values } = valuesOf(change);
  const source = 'source' in change.after ? change.after.source : undefined;
  if (change.action === 'create') {
    values.id = change.id;
    values.created_at = now;
    values.updated_at = now;
    if (table !== 'indicator') values.source_id = source ? sources.idFor(source) : null;
    planned.columnsOf[table] ??= Object.keys(values);
    const columns = planned.columnsOf[table];
    planned.inserts[table].push(columns.map((c) => values[c]));
  } else {
    const own =
      change.entity === 'indicatorValue'
        ? indicatorValueChangedColumns(change.changedFields, values as never)
        : values;
    const set: Record<string, unknown> = { ...own, updated_at: now };
    if (source && change.changedFields.includes('source')) set.source_id = sources.idFor(source);
    planned.updates.push({ table, id: change.id, values: set });
  }
}

const byId = (a: unknown[], b: unknown[]) => ((a[0] as string) < (b[0] as string) ? -1 : 1);

/** Writes the created and updated records of `changes`, counting each in `written`; unchanged ones are skipped. */
export async function writeChanges(
  trx: Kysely<Database>,
  changes: readonly ImportChange[],
  now: string,
  written?: ProgressCounter,
): Promise<void> {
  const { sources, newValues, sourceIds, inserts, columnsOf, updates, evaluationChanges } = plannedWrites(
    changes,
    now,
  );
  await insertRows(trx, 'source', sourceRowColumns, sources.rows);
  // Nodes keep file order (parents first); values go in key order so the primary key's B-tree fills in sequence.
  inserts.indicator_value.sort(byId);
  for (const table of ['node', 'indicator', 'indicator_value', 'achievement'] as const) {
    const columns = columnsOf[table];
    if (columns !== undefined) await insertRows(trx, table, columns, inserts[table]);
    written?.add(inserts[table].length);
  }
  const order = idOrder(newValues);
  for (let start = 0; start < order.length; start += rowsPerStep) {
    const count = Math.min(rowsPerStep, order.length - start);
    const rows = new NewValueRows(newValues, sourceIds, order, start, count, now);
    await bulkInsertRows(trx, 'indicator_value', valueColumns, rows);
    written?.add(count);
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
