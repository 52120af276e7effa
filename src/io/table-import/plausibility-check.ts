/**
 * The import's plausibility warnings: every value a file creates or changes is checked by the rules of
 * src/domain/plausibility.ts against its indicator, the value before it (stored or in the file) and its plan's
 * period. A warning refuses nothing by itself; a real import waits until each one is confirmed.
 */
import type { Kysely } from 'kysely';
import type { IndicatorRecord, IndicatorValueRecord } from '../../domain/editing/records.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import { type PlausibilityRule, plausibilityWarnings } from '../../domain/plausibility.ts';
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

/** An indicator's dated baseline and observations after the import, oldest first. */
function seriesAfter(stored: readonly StoredPoint[], changed: readonly IndicatorValueRecord[]): Point[] {
  const byId = new Map<string, { value: number; date: string | null; role: string }>();
  for (const p of stored) byId.set(p.id, p);
  for (const r of changed) byId.set(r.id, r);
  const points: Point[] = [];
  for (const [id, p] of byId) {
    if (p.role === 'target' || p.date === null) continue;
    const date = parsePartialDate(p.date);
    if (date !== null) points.push({ start: date.start, value: p.value, date: p.date, id });
  }
  return points.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
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
  const changedOf = new Map<string, IndicatorValueRecord[]>();
  for (const c of values) {
    const list = changedOf.get(c.after.indicatorId);
    if (list === undefined) changedOf.set(c.after.indicatorId, [c.after]);
    else list.push(c.after);
  }
  const previous = new Map<string, Point>();
  for (const [indicatorId, changed] of changedOf) {
    for (const [id, point] of previousById(seriesAfter(stored.get(indicatorId) ?? [], changed)))
      previous.set(id, point);
  }
  const warnings: ImportWarning[] = [];
  for (const c of values) {
    const record = c.after;
    const indicator = indicators.get(record.indicatorId);
    if (indicator === undefined) continue;
    const before = record.role === 'observation' ? previous.get(record.id) : undefined;
    const found = plausibilityWarnings({
      value: record.value,
      role: record.role,
      date: record.date,
      indicator: { name: indicator.name, unit: indicator.unit },
      previous: before === undefined ? null : { value: before.value, date: before.date },
      period: periods.get(c.planId) ?? null,
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
