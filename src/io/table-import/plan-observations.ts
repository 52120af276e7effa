/**
 * Observation rows → changes. An observation is keyed by indicator + role + date: the same file imported again
 * finds every value already stored and changes nothing. New values get the id `<indicator>:observation@<date>`.
 */
import type { Kysely } from 'kysely';
import type { IndicatorRecord, IndicatorValueRecord } from '../../domain/editing/records.ts';
import type { SourceRef } from '../../domain/model.ts';
import { generatedIdSeparator } from '../../store/dataset-rows.ts';
import type { Database } from '../../store/schema.ts';
import { type Stored, storedIndicators, storedValues } from '../../store/table-import/index.ts';
import type { IndicatorValueTableRow, TableRow } from '../tables/index.ts';
import { checkDocument, checkPlan, type ImportContext, placeOf, rejectDuplicate } from './import-context.ts';
import {
  printedForm,
  type RecordChange,
  type RowPlace,
  recordChange,
  rowError,
  sourceOf,
} from './record-change.ts';

type ValueChange = Extract<RecordChange, { entity: 'indicatorValue' }>;

/**
 * Values by indicator, then by date (observations) or role (an indicator has one baseline and one target, whatever
 * their dates). Two levels rather than one joined key: no key string is built per row, and ids and dates arrive as
 * shared strings (the reader's), so each lookup compares by identity.
 */
class ByValueKey<T> {
  private readonly byIndicator = new Map<string, Map<string, T>>();

  private static inner(role: IndicatorValueRecord['role'], date: string | null): string {
    // A canonical date never reads "baseline" or "target".
    return role === 'observation' ? (date ?? '') : role;
  }

  get(indicatorId: string, role: IndicatorValueRecord['role'], date: string | null): T | undefined {
    return this.byIndicator.get(indicatorId)?.get(ByValueKey.inner(role, date));
  }

  /** Keeps the first value set for a key. */
  add(indicatorId: string, role: IndicatorValueRecord['role'], date: string | null, value: T): void {
    let values = this.byIndicator.get(indicatorId);
    if (values === undefined) {
      values = new Map();
      this.byIndicator.set(indicatorId, values);
    }
    const key = ByValueKey.inner(role, date);
    if (!values.has(key)) values.set(key, value);
  }
}

const newValueId = (row: IndicatorValueTableRow) =>
  row.role === 'observation'
    ? `${row.indicatorId}${generatedIdSeparator}observation@${row.date}`
    : `${row.indicatorId}${generatedIdSeparator}${row.role}`;

type SourceFields = Pick<
  IndicatorValueTableRow,
  'sourceDocumentId' | 'sourceSection' | 'sourceLine' | 'sourcePage' | 'sourceQuote'
>;

const sameSource = (a: SourceFields, b: SourceFields) =>
  a.sourceDocumentId === b.sourceDocumentId &&
  a.sourceLine === b.sourceLine &&
  a.sourceQuote === b.sourceQuote &&
  a.sourceSection === b.sourceSection &&
  a.sourcePage === b.sourcePage;

/**
 * New values citing the same words share one SourceRef: a sheet cites a table per indicator, not per value, and
 * one object per value was 100,000 objects for a handful of sources (the writer also keys on the shared object).
 * Each indicator's last source is tried first, so the usual row finds its source without building a key.
 */
function sharedSources() {
  const refs = new Map<string, SourceRef>();
  const lastOf = new Map<string, { fields: SourceFields; ref: SourceRef }>();
  return (row: IndicatorValueTableRow, stored: SourceRef | undefined): SourceRef | undefined => {
    if (stored !== undefined || row.sourceDocumentId === null) return sourceOf(row, stored);
    const last = lastOf.get(row.indicatorId);
    if (last !== undefined && sameSource(last.fields, row)) return last.ref;
    const key = `${row.sourceDocumentId}\t${row.sourceSection}\t${row.sourceLine}\t${row.sourcePage}\t${row.sourceQuote}`;
    let ref = refs.get(key);
    if (ref === undefined) {
      ref = sourceOf(row, undefined);
      if (ref === undefined) return undefined;
      refs.set(key, ref);
    }
    lastOf.set(row.indicatorId, { fields: row, ref });
    return ref;
  };
}

function observationRecord(
  row: IndicatorValueTableRow,
  stored: IndicatorValueRecord | undefined,
  position: number,
  sourceFor: ReturnType<typeof sharedSources>,
): IndicatorValueRecord | null {
  const source = sourceFor(row, stored?.source);
  if (source === undefined) return null;
  const { text, qualifier } = printedForm(row, stored);
  const record: IndicatorValueRecord = {
    id: stored?.id ?? newValueId(row),
    indicatorId: row.indicatorId,
    role: row.role,
    position,
    value: row.value,
    date: row.date,
    qualifier,
    outOf: row.outOf ?? stored?.outOf ?? null,
    rankOf: row.rankOf ?? stored?.rankOf ?? null,
    source,
    // Always in the literal, undefined when absent: adding them afterwards gave each record a second object.
    text,
    note: row.note ?? stored?.note,
  };
  return record;
}

function checkIndicator(
  ctx: ImportContext,
  place: RowPlace,
  row: IndicatorValueTableRow,
  indicator: Stored<IndicatorRecord> | undefined,
): indicator is Stored<IndicatorRecord> {
  if (indicator === undefined) {
    ctx.errors.push(
      rowError(
        place,
        'indicatorId',
        row.indicatorId,
        `指標「${row.indicatorId}」がありません`,
        `indicator ${row.indicatorId} does not exist`,
      ),
    );
    return false;
  }
  if (row.unit !== null && row.unit !== indicator.record.unit) {
    ctx.errors.push(
      rowError(
        place,
        'unit',
        row.unit,
        `単位「${row.unit}」が指標の単位「${indicator.record.unit}」と違います`,
        `unit ${row.unit} differs from the indicator's unit ${indicator.record.unit}`,
      ),
    );
    return false;
  }
  if (row.nodeId !== null && row.nodeId !== indicator.record.nodeId) {
    ctx.errors.push(
      rowError(
        place,
        'nodeId',
        row.nodeId,
        `指標「${row.indicatorId}」はノード「${indicator.record.nodeId}」の指標です`,
        `indicator ${row.indicatorId} belongs to node ${indicator.record.nodeId}`,
      ),
    );
    return false;
  }
  return checkPlan(ctx, place, indicator.planId, 'indicatorId', row.indicatorId);
}

/** Stored observations by key (the first when a date repeats), and each indicator's next free position. */
function indexValues(values: Map<string, IndicatorValueRecord[]>) {
  const byKey = new ByValueKey<IndicatorValueRecord>();
  const next = new Map<string, number>();
  for (const [indicatorId, list] of values) {
    for (const value of list) {
      byKey.add(indicatorId, value.role, value.date, value);
      if (value.role !== 'observation') continue;
      next.set(indicatorId, Math.max(next.get(indicatorId) ?? 0, value.position + 1));
    }
  }
  return { byKey, next };
}

/** Rejects a row whose indicator and date (or role) an earlier row of the file already gave. */
function checkFirstOfKey(
  ctx: ImportContext,
  seen: ByValueKey<number>,
  place: RowPlace,
  row: IndicatorValueTableRow,
): boolean {
  const first = seen.get(row.indicatorId, row.role, row.date);
  if (first === undefined) {
    seen.add(row.indicatorId, row.role, row.date, place.row);
    return true;
  }
  const [column, value] = row.role === 'observation' ? ['date', row.date ?? ''] : ['role', row.role];
  rejectDuplicate(ctx, first, place, column, value);
  return false;
}

/**
 * The indicators the rows name, each once: gathered in a loop of its own, so the planner's one long loop is the
 * only one its compiled code is made for, and no array of every row's id is built.
 */
function indicatorIdsOf(rows: readonly TableRow<IndicatorValueTableRow>[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) ids.add(r.data.indicatorId);
  return [...ids];
}

/** Plans the observations table's rows; rejections go to `ctx.errors`. */
export async function planObservations(
  db: Kysely<Database>,
  rows: readonly TableRow<IndicatorValueTableRow>[],
  ctx: ImportContext,
): Promise<ValueChange[]> {
  const ids = indicatorIdsOf(rows);
  const [indicators, values] = await Promise.all([storedIndicators(db, ids), storedValues(db, ids)]);
  ctx.storedIndicators = { indicators, values };
  const { byKey, next } = indexValues(values);
  const seen = new ByValueKey<number>();
  const changes: ValueChange[] = [];
  const sourceFor = sharedSources();
  for (const tableRow of rows) {
    ctx.checked?.add();
    const row = tableRow.data;
    const place = placeOf(ctx.file, tableRow);
    const indicator = indicators.get(row.indicatorId);
    const unique = checkFirstOfKey(ctx, seen, place, row);
    const known = checkIndicator(ctx, place, row, indicator);
    const sourced = checkDocument(ctx, place, row.sourceDocumentId);
    if (!unique || !known || !sourced) continue;
    const before = byKey.get(row.indicatorId, row.role, row.date);
    let position = before?.position ?? (row.role === 'observation' ? undefined : 0);
    if (position === undefined) {
      position = next.get(row.indicatorId) ?? 0;
      next.set(row.indicatorId, position + 1);
    }
    const after = observationRecord(row, before, position, sourceFor);
    if (after === null) continue;
    changes.push(
      recordChange<ValueChange>({
        place,
        entity: 'indicatorValue',
        id: after.id,
        planId: indicator.planId,
        before: before ?? null,
        after,
      }),
    );
  }
  return changes;
}
