/**
 * The import's plausibility warnings: every value a file creates or changes is checked by the rules of
 * src/domain/plausibility.ts against its indicator, the value before it (stored or in the file) and its plan's
 * period. A warning refuses nothing by itself; a real import waits until each one is confirmed.
 */
import type { Kysely } from 'kysely';
import type { IndicatorRecord, IndicatorValueRecord } from '../../domain/editing/records.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import { type PlausibilityRule, plausibilityCheck } from '../../domain/plausibility.ts';
import { type ProgramSheetRule, programSheetWarnings } from '../../domain/program-sheet-plausibility.ts';
import type { Database } from '../../store/schema.ts';
import {
  planPeriods,
  type StoredPoint,
  storedIndicators,
  storedSeries,
} from '../../store/table-import/index.ts';
import type { RecordChange, RowPlace } from './record-change.ts';

export interface ImportWarning {
  /** What staff type to confirm this warning, e.g. `3:FY2018:share-over-100` (`Sheet1!3:…` in a workbook). */
  id: string;
  file: string;
  sheet?: string;
  row: number;
  /** The field the warning is about: a value's value or date, or a sheet's amount (settlement …). */
  field: string;
  /** The field's content, as stored. */
  value: string;
  rule: PlausibilityRule | ProgramSheetRule;
  /** The value's record id. */
  recordId: string;
  messageJa: string;
  messageEn: string;
  /** Whether staff confirmed it for this import. */
  confirmed: boolean;
}

/** Which warnings staff confirmed: all of them (`--accept-warnings`), or the listed ids. */
export type WarningConfirmation = 'all' | readonly string[];

type ValueChange = Extract<RecordChange, { entity: 'indicatorValue' }>;

/** A warning's id: where it is, which value of the row (a wide row holds several), and which rule. */
export const warningId = (place: RowPlace, record: IndicatorValueRecord, rule: PlausibilityRule) =>
  `${place.sheet === undefined ? '' : `${place.sheet}!`}${place.row}:${record.role === 'observation' ? (record.date ?? '') : record.role}:${rule}`;

interface Point {
  start: string;
  value: number;
  date: string | null;
  id: string;
}

const byStart = (a: Point, b: Point) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

/** An indicator's dated baseline and observations after the import, oldest first. */
function seriesAfter(stored: readonly StoredPoint[], changed: readonly IndicatorValueRecord[]): Point[] {
  const byId = new Map<string, { id: string; value: number; date: string | null; role: string }>();
  for (const p of stored) byId.set(p.id, p);
  for (const r of changed) byId.set(r.id, r);
  const points: Point[] = [];
  for (const p of byId.values()) {
    if (p.role === 'target' || p.date === null) continue;
    const date = parsePartialDate(p.date);
    if (date !== null) points.push({ start: date.start, value: p.value, date: p.date, id: p.id });
  }
  // A file lists an indicator's months in order: check before sorting (the sort is stable, so the order is the same).
  for (let n = 1; n < points.length; n += 1)
    if (byStart(points[n - 1]!, points[n]!) > 0) return points.sort(byStart);
  return points;
}

/** Each point's predecessor (the last point that starts strictly earlier), by record id. */
function previousById(points: readonly Point[]): Map<string, Point> {
  const previous = new Map<string, Point>();
  let last: Point | undefined;
  for (let n = 0; n < points.length; n += 1) {
    if (n > 0 && points[n]!.start !== points[n - 1]!.start) last = points[n - 1];
    if (last !== undefined) previous.set(points[n]!.id, last);
  }
  return previous;
}

function confirmedBy(confirm: WarningConfirmation | undefined, id: string): boolean {
  if (confirm === undefined) return false;
  return confirm === 'all' || confirm.includes(id);
}

/**
 * Every warning for the values `changes` create or update, in file order.
 * @example await importWarnings(db, changes, ['3:FY2018:share-over-100']) // [{ id: '3:FY2018:share-over-100', confirmed: true, … }]
 */
export async function importWarnings(
  db: Kysely<Database>,
  changes: readonly RecordChange[],
  confirm?: WarningConfirmation,
): Promise<ImportWarning[]> {
  const values = changes.filter(
    (c): c is ValueChange => c.entity === 'indicatorValue' && c.action !== 'unchanged',
  );
  if (values.length === 0) return sheetWarnings(changes, confirm);
  const indicators = new Map<string, IndicatorRecord>();
  for (const c of changes) if (c.entity === 'indicator') indicators.set(c.id, c.after);
  const indicatorIds = [...new Set(values.map((c) => c.after.indicatorId))];
  const missing = indicatorIds.filter((id) => !indicators.has(id));
  for (const [id, stored] of await storedIndicators(db, missing)) indicators.set(id, stored.record);
  const [stored, periods] = await Promise.all([
    storedSeries(db, indicatorIds),
    planPeriods(
      db,
      values.map((c) => c.planId),
    ),
  ]);
  // Each value's predecessor by its place in `values`: one indicator's series at a time, no map of every value.
  const placesOf = new Map<string, number[]>();
  for (let n = 0; n < values.length; n += 1) {
    const places = placesOf.get(values[n]!.after.indicatorId);
    if (places === undefined) placesOf.set(values[n]!.after.indicatorId, [n]);
    else places.push(n);
  }
  const previousAt: (Point | undefined)[] = new Array(values.length);
  for (const [indicatorId, places] of placesOf) {
    const changed = places.map((n) => values[n]!.after);
    const previous = previousById(seriesAfter(stored.get(indicatorId) ?? [], changed));
    for (const n of places) previousAt[n] = previous.get(values[n]!.after.id);
  }
  // The rules prepared once per indicator and plan (its unit, its name and the period), not once per value.
  const checks = new Map<string, Map<string, ReturnType<typeof plausibilityCheck> | null>>();
  const checkOf = (c: ValueChange) => {
    let byPlan = checks.get(c.after.indicatorId);
    if (byPlan === undefined) {
      byPlan = new Map();
      checks.set(c.after.indicatorId, byPlan);
    }
    let check = byPlan.get(c.planId);
    if (check === undefined) {
      const indicator = indicators.get(c.after.indicatorId);
      check =
        indicator === undefined
          ? null
          : plausibilityCheck({ name: indicator.name, unit: indicator.unit }, periods.get(c.planId) ?? null);
      byPlan.set(c.planId, check);
    }
    return check;
  };
  const warnings: ImportWarning[] = [];
  for (let n = 0; n < values.length; n += 1) {
    const c = values[n]!;
    const record = c.after;
    const check = checkOf(c);
    if (check === null) continue;
    const before = record.role === 'observation' ? previousAt[n] : undefined;
    const found = check({
      value: record.value,
      role: record.role,
      date: record.date,
      previous: before ?? null,
    });
    for (const w of found) {
      const id = warningId(c.place, record, w.rule);
      const warning: ImportWarning = {
        id,
        file: c.place.file,
        row: c.place.row,
        field: w.field,
        value: w.field === 'date' ? (record.date ?? '') : String(record.value),
        rule: w.rule,
        recordId: record.id,
        messageJa: w.messageJa,
        messageEn: w.messageEn,
        confirmed: confirmedBy(confirm, id),
      };
      if (c.place.sheet !== undefined) warning.sheet = c.place.sheet;
      warnings.push(warning);
    }
  }
  return warnings;
}

type SheetChange = Extract<RecordChange, { entity: 'programSheet' }>;

/** The warnings of the 事務事業評価 sheets `changes` create or update, in file order. */
function sheetWarnings(changes: readonly RecordChange[], confirm?: WarningConfirmation): ImportWarning[] {
  const sheets = changes.filter(
    (c): c is SheetChange => c.entity === 'programSheet' && c.action !== 'unchanged',
  );
  return sheets.flatMap((c) =>
    programSheetWarnings(c.after).map((w) => {
      const at = `${c.place.sheet === undefined ? '' : `${c.place.sheet}!`}${c.place.row}`;
      const id = `${at}:FY${c.after.fiscalYear}:${w.rule}`;
      const warning: ImportWarning = {
        id,
        file: c.place.file,
        row: c.place.row,
        field: w.field,
        value: String(c.after[w.field as keyof typeof c.after] ?? ''),
        rule: w.rule,
        recordId: c.id,
        messageJa: w.messageJa,
        messageEn: w.messageEn,
        confirmed: confirmedBy(confirm, id),
      };
      if (c.place.sheet !== undefined) warning.sheet = c.place.sheet;
      return warning;
    }),
  );
}
