/**
 * Many records of one kind as compact columns, for the history's batched import revision. A 100,000-row
 * statistics file written as one JSON array per record was 15 MB, and building, hashing and storing it cost more
 * than writing the rows themselves. As columns, the values an indicator's rows share (indicator, role, source)
 * are written once per run, and ids that differ only at the end (`i.a:observation@2020-01`, `…@2020-02`) are
 * written as their new ending: the same records in a fifth of the text, and `expandColumns` gives them back.
 */

/** A JSON value as a column holds it: records are flat, nested fields are dotted columns. */
export type CellValue = string | number | boolean | null;

/** One column, in the most compact of four forms. */
export type EncodedColumn =
  /** Every record has this value. */
  | { same: CellValue }
  /** Flat pairs: a value, then how many records in a row have it. */
  | { runs: (CellValue | number)[] }
  /** Strings only. Flat pairs: how many leading characters the value shares with the one before, then the rest. */
  | { prefixed: (number | string)[] }
  /** Every record's value, in order. */
  | { values: CellValue[] };

export interface ColumnarRecords {
  /** Column names sorted; a nested field is dotted (`source.line`). A missing field is null. */
  columns: Record<string, EncodedColumn>;
  count: number;
}

const isNested = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function columnNames(records: readonly object[]): string[] {
  const keys = new Set<string>();
  for (const record of records) {
    const fields = record as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      // An absent optional field, as JSON would leave it out.
      if (value === undefined) continue;
      if (!isNested(value)) keys.add(key);
      else for (const inner in value) if (value[inner] !== undefined) keys.add(`${key}.${inner}`);
    }
  }
  return [...keys].sort(byCodeUnit);
}

// The order canonical JSON sorts keys in.
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function columnValues(records: readonly object[], name: string): CellValue[] {
  const dot = name.indexOf('.');
  const outer = dot < 0 ? name : name.slice(0, dot);
  const inner = dot < 0 ? null : name.slice(dot + 1);
  const values: CellValue[] = new Array(records.length);
  for (let r = 0; r < records.length; r += 1) {
    const value = (records[r] as Record<string, unknown>)[outer];
    const cell = inner === null ? value : isNested(value) ? value[inner] : null;
    values[r] = (cell ?? null) as CellValue;
  }
  return values;
}

function countRuns(values: readonly CellValue[]): number {
  let runs = values.length > 0 ? 1 : 0;
  for (let n = 1; n < values.length; n += 1) if (values[n] !== values[n - 1]) runs += 1;
  return runs;
}

function runsOf(values: readonly CellValue[]): (CellValue | number)[] {
  const runs: (CellValue | number)[] = [];
  let start = 0;
  for (let n = 1; n <= values.length; n += 1) {
    if (n < values.length && values[n] === values[start]) continue;
    runs.push(values[start]!, n - start);
    start = n;
  }
  return runs;
}

function sharedLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let n = 0;
  while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n += 1;
  // Never split a surrogate pair, so every stored ending is well-formed text.
  if (n > 0 && n < a.length && (a.charCodeAt(n - 1) & 0xfc00) === 0xd800) n -= 1;
  return n;
}

/**
 * The column front coded (flat pairs: characters shared with the value before, then the rest), or undefined unless
 * every value is a string and the coding saves a third of the text. One pass finds each shared length, for the
 * test and for the coding both: ids and dates share long beginnings, and comparing them twice was the larger part
 * of encoding a 100,000-record batch.
 */
function prefixedIfWorth(values: readonly CellValue[]): (number | string)[] | undefined {
  if (typeof values[0] !== 'string') return undefined;
  // Each shared length goes straight to its place in the coding; the rests follow once it proves worth it.
  const out: (number | string)[] = new Array(values.length * 2);
  let previous = '';
  let whole = 0;
  let kept = 0;
  for (let n = 0; n < values.length; n += 1) {
    const value = values[n];
    if (typeof value !== 'string') return undefined;
    const length = sharedLength(previous, value);
    out[2 * n] = length;
    whole += value.length;
    // The count and its comma cost about three characters.
    kept += value.length - length + 3;
    previous = value;
  }
  if (kept * 3 >= whole * 2) return undefined;
  for (let n = 0; n < values.length; n += 1) {
    const value = values[n] as string;
    const length = out[2 * n] as number;
    out[2 * n + 1] = length === 0 ? value : value.slice(length);
  }
  return out;
}

/** The most compact form of one column's values. */
export function encodeColumn(values: readonly CellValue[]): EncodedColumn {
  const runs = countRuns(values);
  if (runs === 1) return { same: values[0]! };
  if (runs <= values.length / 4) return { runs: runsOf(values) };
  const prefixed = prefixedIfWorth(values);
  return prefixed === undefined ? { values: values as CellValue[] } : { prefixed };
}

/**
 * Records as compact columns, e.g.
 * `columnarRecords([{ id: 'a', source: { line: 3 } }, { id: 'b', source: { line: 3 } }])
 *  // { columns: { id: { values: ['a', 'b'] }, 'source.line': { same: 3 } }, count: 2 }`.
 */
export function columnarRecords(records: readonly object[]): ColumnarRecords {
  const values: Record<string, CellValue[]> = {};
  for (const name of columnNames(records)) values[name] = columnValues(records, name);
  return columnarFromValues(records.length, values);
}

/**
 * Columns already read out (every array `count` long; null means absent), e.g. by a loop that knows the records'
 * fields: for 100,000 records of one kind, reading each field directly is several times faster than by name.
 */
export function columnarFromValues(count: number, values: Record<string, CellValue[]>): ColumnarRecords {
  const columns: Record<string, EncodedColumn> = {};
  for (const name of Object.keys(values).sort(byCodeUnit)) {
    const column = values[name]!;
    if (column.some((value) => value !== null)) columns[name] = encodeColumn(column);
  }
  return { columns, count };
}

/**
 * `JSON.stringify(records)`, the same text, column by column: V8 writes the whole of a document in its slower
 * two-byte form once one string needs it (a 件 or a quote in Japanese), so a 100,000-record batch whose ids and dates
 * are ASCII took three times as long as these separate pieces joined.
 * @example columnarJson({ columns: { role: { same: 'observation' } }, count: 2 }) // '{"columns":{"role":{"same":"observation"}},"count":2}'
 */
export function columnarJson(records: ColumnarRecords): string {
  const columns: string[] = [];
  for (const name in records.columns)
    columns.push(`${JSON.stringify(name)}:${JSON.stringify(records.columns[name])}`);
  return `{"columns":{${columns.join(',')}},"count":${JSON.stringify(records.count)}}`;
}

/** One column's values back, `count` of them. */
export function decodeColumn(column: EncodedColumn, count: number): CellValue[] {
  if ('same' in column) return new Array<CellValue>(count).fill(column.same);
  if ('values' in column) return [...column.values];
  const out: CellValue[] = [];
  if ('runs' in column) {
    for (let n = 0; n < column.runs.length; n += 2) {
      for (let k = 0; k < (column.runs[n + 1] as number); k += 1) out.push(column.runs[n] as CellValue);
    }
    return out;
  }
  let previous = '';
  for (let n = 0; n < column.prefixed.length; n += 2) {
    previous = previous.slice(0, column.prefixed[n] as number) + (column.prefixed[n + 1] as string);
    out.push(previous);
  }
  return out;
}

/**
 * The records back from their columns, nested fields nested again and null fields (and so empty nested objects)
 * left out * (`expandColumns(columnarRecords(records))` equals the records without their null and undefined fields).
 */
export function expandColumns(records: ColumnarRecords): Record<string, unknown>[] {
  const out = Array.from({ length: records.count }, () => ({}) as Record<string, unknown>);
  for (const [name, column] of Object.entries(records.columns)) {
    const values = decodeColumn(column, records.count);
    const [outer, inner] = name.split('.', 2) as [string, string | undefined];
    values.forEach((value, n) => {
      if (value === null) return;
      const record = out[n]!;
      if (inner === undefined) {
        record[outer] = value;
        return;
      }
      const nested = (record[outer] ?? {}) as Record<string, unknown>;
      nested[inner] = value;
      record[outer] = nested;
    });
  }
  return out;
}
