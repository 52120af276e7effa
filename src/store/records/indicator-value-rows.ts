/**
 * An indicator value (baseline, target or observation) ↔ its `indicator_value` row: the one place the columns and
 * the fields meet.
 * The stored `fiscal_year` is derived from the date here, so every writer stores the same 年度.
 */
import type { Selectable } from 'kysely';
import type { IndicatorValueRecord } from '../../domain/editing/records.ts';
import { fiscalYearOfDate } from '../../domain/fiscal-year.ts';
import type { IndicatorValue, SourceRef } from '../../domain/model.ts';
import type { IndicatorValueTable } from '../schema.ts';
import { nullableNumber, toNumber } from '../values.ts';
import { requiredSourceFromRow } from './source-rows.ts';

/** The row's own columns (no id, source, version or stamps), in the order indicatorValueToRow gives them. */
export const indicatorValueColumns = [
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
] as const;

type IndicatorValueColumn = (typeof indicatorValueColumns)[number];

/** The row's own columns, e.g. `indicatorValueToRow(o).fiscal_year // 2023 for '2024-03'`. */
export function indicatorValueToRow(o: IndicatorValueRecord) {
  return {
    indicator_id: o.indicatorId,
    role: o.role,
    position: o.position,
    value: o.value,
    text: o.text ?? null,
    date: o.date,
    fiscal_year: fiscalYearOfDate(o.date),
    qualifier: o.qualifier,
    out_of: o.outOf,
    rank_of: o.rankOf,
    note: o.note ?? null,
  };
}

/**
 * The same columns as indicatorValueToRow, in `indicatorValueColumns` order, written into a flat array of rows from
 * index `at`; returns the index after them. A bulk import of 100,000 values builds no object per value, and fills
 * an array made to size: `push` with many arguments took three times as long.
 * @example writeIndicatorValueRow(out, 0, o) // 11, with out[0] the indicator id and out[6] the 年度
 */
export function writeIndicatorValueRow(out: unknown[], at: number, o: IndicatorValueRecord): number {
  out[at] = o.indicatorId;
  out[at + 1] = o.role;
  out[at + 2] = o.position;
  out[at + 3] = o.value;
  out[at + 4] = o.text ?? null;
  out[at + 5] = o.date;
  out[at + 6] = fiscalYearOfDate(o.date);
  out[at + 7] = o.qualifier;
  out[at + 8] = o.outOf;
  out[at + 9] = o.rankOf;
  out[at + 10] = o.note ?? null;
  return at + 11;
}

// The columns holding each field (a source is written as its own row, so it has none here).
const fieldColumns: Readonly<Record<string, readonly IndicatorValueColumn[]>> = {
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
 * Only the columns of the changed fields, e.g. `indicatorValueChangedColumns(['date'], row) // { date, fiscal_year }`.
 */
export function indicatorValueChangedColumns(
  fields: readonly string[],
  row: ReturnType<typeof indicatorValueToRow>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const field of fields) {
    for (const column of fieldColumns[field] ?? []) changed[column] = row[column];
  }
  return changed;
}

type IndicatorValueRow = Pick<
  Selectable<IndicatorValueTable>,
  | 'id'
  | 'indicator_id'
  | 'role'
  | 'position'
  | 'value'
  | 'date'
  | 'qualifier'
  | 'out_of'
  | 'rank_of'
  | 'text'
  | 'note'
>;

/**
 * A row as a flat record citing `source`. Built field by field with no filtering pass: a re-imported statistics
 * file reads back 100,000 of them.
 */
export function indicatorValueRecordFromRow(row: IndicatorValueRow, source: SourceRef): IndicatorValueRecord {
  const record: IndicatorValueRecord = {
    id: row.id,
    indicatorId: row.indicator_id,
    role: row.role,
    position: toNumber(row.position),
    value: toNumber(row.value),
    date: row.date,
    qualifier: row.qualifier as IndicatorValueRecord['qualifier'],
    outOf: nullableNumber(row.out_of),
    rankOf: nullableNumber(row.rank_of),
    source,
  };
  if (row.text !== null) record.text = row.text;
  if (row.note !== null) record.note = row.note;
  return record;
}

/** The model's value point of a row joined with its source (as `src`). */
export function indicatorValueFromRow(
  row: IndicatorValueRow & Parameters<typeof requiredSourceFromRow>[0],
): IndicatorValue {
  // Built directly in the model's field order, text and note only when present: a plan page reads a thousand.
  const value: IndicatorValue = { value: toNumber(row.value) } as IndicatorValue;
  if (row.text !== null) value.text = row.text;
  value.date = row.date;
  value.qualifier = row.qualifier as IndicatorValue['qualifier'];
  value.outOf = nullableNumber(row.out_of);
  value.rankOf = nullableNumber(row.rank_of);
  value.source = requiredSourceFromRow(row);
  if (row.note !== null) value.note = row.note;
  return value;
}
