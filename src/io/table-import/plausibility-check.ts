/**
 * The import's plausibility warnings: every value a file creates or changes is checked by the rules of
 * src/domain/plausibility.ts against its indicator, the value before it (stored or in the file) and its plan's
 * period. A warning refuses nothing by itself; a real import waits until each one is confirmed.
 */
import type { Kysely } from 'kysely';
import type { IndicatorRecord, IndicatorValueRecord } from '../../domain/editing/records.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import {
  type PlausibilityCheck,
  type PlausibilityRule,
  type PlausibilityWarning,
  plausibilityCheck,
} from '../../domain/plausibility.ts';
import { type ProgramSheetRule, programSheetWarnings } from '../../domain/program-sheet-plausibility.ts';
import type { Database } from '../../store/schema.ts';
import {
  planPeriods,
  type StoredPoint,
  storedIndicators,
  storedSeries,
} from '../../store/table-import/index.ts';
import type { StoredIndicatorReads } from './import-context.ts';
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

/** A value as the next one's check reads it: a stored point or a changed record. */
type SeriesEntry = { value: number; date: string | null; role: string };

/**
 * Gives each of one indicator's changed values (`places` in `changes`) its predecessor in `previous`, by its index
 * in `places`: the last of the indicator's dated baseline and observations after the import that starts strictly
 * earlier. A changed value takes the place of the stored one with its id; new ones follow in file order. Values are
 * told apart by their index and kept in plain arrays: an indicator with nothing stored (a first import) needs no
 * map and no object per value.
 */
function fillPrevious(
  stored: readonly StoredPoint[],
  changes: readonly RecordChange[],
  places: readonly number[],
  previous: (SeriesEntry | undefined)[],
): void {
  const after = (k: number) => (changes[places[k]!] as ValueChange).after;
  let entries: SeriesEntry[] | undefined;
  // Each entry's index in `places`, -1 for a stored value the file leaves as it is.
  let slots: number[] | undefined;
  if (stored.length > 0) {
    entries = [...stored];
    slots = new Array(stored.length).fill(-1);
    const storedAt = new Map<string, number>();
    for (let i = 0; i < stored.length; i += 1) storedAt.set(stored[i]!.id, i);
    for (let k = 0; k < places.length; k += 1) {
      const record = after(k);
      const at = storedAt.get(record.id);
      if (at === undefined) {
        entries.push(record);
        slots.push(k);
      } else {
        entries[at] = record;
        slots[at] = k;
      }
    }
  }
  // The dated baseline and observations: each one, where it starts and its slot.
  const dated: SeriesEntry[] = [];
  const starts: string[] = [];
  const datedSlots: number[] = [];
  const count = entries === undefined ? places.length : entries.length;
  for (let i = 0; i < count; i += 1) {
    const e = entries === undefined ? after(i) : entries[i]!;
    if (e.role === 'target' || e.date === null) continue;
    const date = parsePartialDate(e.date);
    if (date === null) continue;
    dated.push(e);
    starts.push(date.start);
    datedSlots.push(slots === undefined ? i : slots[i]!);
  }
  // A file lists an indicator's months in order: check before sorting (a stable sort, so ties keep their order).
  let order: number[] | undefined;
  for (let n = 1; n < starts.length; n += 1) {
    if (starts[n - 1]! > starts[n]!) {
      order = starts
        .map((_, k) => k)
        .sort((a, b) => (starts[a]! < starts[b]! ? -1 : starts[a]! > starts[b]! ? 1 : 0));
      break;
    }
  }
  let last: SeriesEntry | undefined;
  for (let i = 0; i < starts.length; i += 1) {
    const k = order === undefined ? i : order[i]!;
    if (i > 0) {
      const before = order === undefined ? i - 1 : order[i - 1]!;
      if (starts[k] !== starts[before]) last = dated[before];
    }
    const slot = datedSlots[k]!;
    if (slot >= 0) previous[slot] = last;
  }
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
  read?: StoredIndicatorReads,
): Promise<ImportWarning[]> {
  const { placesOf, planIds } = placesByIndicator(changes);
  if (placesOf.size === 0) return sheetWarnings(changes, confirm);
  const indicatorIds = [...placesOf.keys()];
  const indicators = new Map<string, IndicatorRecord>();
  for (const c of changes) if (c.entity === 'indicator') indicators.set(c.id, c.after);
  // What the planner read already (in the same transaction) is not read again.
  const known = (id: string) => read?.indicators.has(id) === true;
  for (const id of indicatorIds) {
    if (!indicators.has(id) && known(id)) indicators.set(id, read!.indicators.get(id)!.record);
  }
  const missing = indicatorIds.filter((id) => !indicators.has(id));
  for (const [id, stored] of await storedIndicators(db, missing)) indicators.set(id, stored.record);
  const [stored, periods] = await Promise.all([
    storedSeries(
      db,
      indicatorIds.filter((id) => !known(id)),
    ),
    planPeriods(db, [...planIds]),
  ]);
  const series = new Map<string, readonly StoredPoint[]>();
  for (const id of indicatorIds) series.set(id, (known(id) ? read!.values.get(id) : stored.get(id)) ?? []);
  return valueWarnings({ changes, placesOf, indicators, series, periods, confirm });
}

/**
 * The places in `changes` of the values they create or update, by indicator (one indicator's series at a time, no
 * map of every value), and the plans of those values.
 */
function placesByIndicator(changes: readonly RecordChange[]) {
  const placesOf = new Map<string, number[]>();
  const planIds = new Set<string>();
  let lastId: string | undefined;
  let lastPlaces: number[] = [];
  for (let n = 0; n < changes.length; n += 1) {
    const c = changes[n]!;
    if (c.entity !== 'indicatorValue' || c.action === 'unchanged') continue;
    planIds.add(c.planId);
    const id = c.after.indicatorId;
    if (id !== lastId) {
      lastId = id;
      let places = placesOf.get(id);
      if (places === undefined) {
        places = [];
        placesOf.set(id, places);
      }
      lastPlaces = places;
    }
    lastPlaces.push(n);
  }
  return { placesOf, planIds };
}

interface ValueWarningInput {
  /** Every change; `placesOf` names those of the values. */
  changes: readonly RecordChange[];
  placesOf: ReadonlyMap<string, readonly number[]>;
  indicators: ReadonlyMap<string, IndicatorRecord>;
  /** Each indicator's stored baseline, targets and observations. */
  series: ReadonlyMap<string, readonly StoredPoint[]>;
  periods: ReadonlyMap<string, { start: string | null; end: string | null }>;
  confirm: WarningConfirmation | undefined;
}

/** The warnings, found one indicator at a time, in file order. */
function valueWarnings(input: ValueWarningInput): ImportWarning[] {
  const { changes, placesOf, series } = input;
  const out: FoundWarnings = { warnings: [], places: [], found: [] };
  for (const [indicatorId, places] of placesOf) {
    // Filled, not holey: every indicator starts from the same array kind, so compiled code stays valid.
    const previous: (SeriesEntry | undefined)[] = new Array(places.length).fill(undefined);
    fillPrevious(series.get(indicatorId) ?? [], changes, places, previous);
    checkIndicatorValues(input, indicatorId, places, previous, out);
  }
  return inFileOrder(out.warnings, out.places);
}

interface FoundWarnings {
  warnings: ImportWarning[];
  /** Each warning's value, by its place in `changes`. */
  places: number[];
  /** One array for every value's findings: most values find nothing, and an array each was 100,000 of them. */
  found: PlausibilityWarning[];
}

/**
 * Checks one indicator's values (`places`). The rules are prepared once per indicator and plan (its unit, its name
 * and the period), not once per value; an indicator's values are of its plan, so that is usually once.
 * Kept apart from the async function above: a small loop of its own is compiled on its own, quickly.
 */
function checkIndicatorValues(
  input: ValueWarningInput,
  indicatorId: string,
  places: readonly number[],
  previous: readonly (SeriesEntry | undefined)[],
  out: FoundWarnings,
): void {
  const { changes, confirm } = input;
  const indicator = input.indicators.get(indicatorId);
  if (indicator === undefined) return;
  let planId: string | undefined;
  let check: PlausibilityCheck | undefined;
  let checks: Map<string, PlausibilityCheck> | undefined;
  const found = out.found;
  for (let k = 0; k < places.length; k += 1) {
    const n = places[k]!;
    const c = changes[n] as ValueChange;
    if (c.planId !== planId) {
      if (check !== undefined && planId !== undefined) {
        checks ??= new Map();
        checks.set(planId, check);
      }
      planId = c.planId;
      check = checks?.get(planId);
      if (check === undefined) {
        check = plausibilityCheck(
          { name: indicator.name, unit: indicator.unit },
          input.periods.get(planId) ?? null,
        );
      }
    }
    const record = c.after;
    const before = record.role === 'observation' ? previous[k] : undefined;
    found.length = 0;
    check!(record.value, record.role, record.date, before ?? null, found);
    for (let w = 0; w < found.length; w += 1) {
      out.warnings.push(warningOf(c, found[w]!, confirm));
      out.places.push(n);
    }
  }
}

function warningOf(
  c: ValueChange,
  w: PlausibilityWarning,
  confirm: WarningConfirmation | undefined,
): ImportWarning {
  const record = c.after;
  const value = w.field === 'date' ? (record.date ?? '') : String(record.value);
  return warningAt(c.place, warningId(c.place, record, w.rule), record.id, w, value, confirm);
}

/** One warning of the row at `place`, e.g. a value's or a sheet's, confirmed when `confirm` names its id. */
function warningAt(
  place: ValueChange['place'],
  id: string,
  recordId: string,
  w: Pick<ImportWarning, 'field' | 'rule' | 'messageJa' | 'messageEn'>,
  value: string,
  confirm: WarningConfirmation | undefined,
): ImportWarning {
  const warning: ImportWarning = {
    id,
    file: place.file,
    row: place.row,
    field: w.field,
    value,
    rule: w.rule,
    recordId,
    messageJa: w.messageJa,
    messageEn: w.messageEn,
    confirmed: confirmedBy(confirm, id),
  };
  if (place.sheet !== undefined) warning.sheet = place.sheet;
  return warning;
}

/** `warnings` ordered by their values' places (a stable sort: one value's keep their rule order). */
function inFileOrder(warnings: ImportWarning[], places: readonly number[]): ImportWarning[] {
  let ordered = true;
  for (let k = 1; k < places.length && ordered; k += 1) ordered = places[k - 1]! <= places[k]!;
  if (ordered) return warnings;
  return places
    .map((_, k) => k)
    .sort((a, b) => places[a]! - places[b]!)
    .map((k) => warnings[k]!);
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
      const value = String(c.after[w.field as keyof typeof c.after] ?? '');
      return warningAt(c.place, id, c.id, w, value, confirm);
    }),
  );
}
