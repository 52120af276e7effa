/**
 * Reads a CSV or XLSX file staff already keep into validated, typed rows of one table, or every error found.
 * Nothing is written anywhere: the importer decides what to do with the rows.
 */

import { appendAll } from '../../domain/append-all.ts';
import type { AchievementRow } from './achievements-table.ts';
import { type CsvRecord, type CsvSyntaxError, csvRecords } from './csv.ts';
import { decodeTableText, type TableTextEncoding } from './decode.ts';
import type { EvaluationTableRow } from './evaluations-table.ts';
import { type ExampleCount, withoutExamples } from './example-rows.ts';
import { unguardFormula } from './formula-guard.ts';
import { headerErrors } from './header-errors.ts';
import type { IndicatorValueTableRow } from './indicator-values-table.ts';
import type { IndicatorRow } from './indicators-table.ts';
import { detectLayout } from './layouts.ts';
import { defaultTableLimits, formatMegabytes, type TableLimits } from './limits.ts';
import type { NodeRow } from './nodes-table.ts';
import { longProgramSheetGrid } from './program-sheet-grid.ts';
import type { ProgramSheetRow } from './program-sheets-table.ts';
import { programSheetsTable, programSheetsTableFor } from './program-sheets-table.ts';
import { type PublishedSheet, readPublishedKpi } from './published-kpi.ts';
import { describePublishedKpi } from './published-kpi-report.ts';
import type { ColumnMapping } from './published-mapping.ts';
import { readGrid, type TableRow } from './read-grid.ts';
import type { GridRow, SheetGrid } from './sheet-grid.ts';
import type { TableKind } from './table-definition.ts';
import { fileError, type TableRowError } from './table-error.ts';
import { readXlsx, tooManyRows } from './xlsx.ts';

export interface ReadTableOptions {
  /** The file's name, used in every error and to tell XLSX from CSV. */
  file: string;
  /** Expect this table; otherwise it is told from the headers and sheet names. */
  kind?: TableKind;
  /** Read only this sheet of an XLSX. */
  sheet?: string;
  limits?: Partial<TableLimits>;
  /** Staff's column mapping for a table in the published shape (src/io/tables/published-mapping.ts). */
  mapping?: ColumnMapping;
  /** The 観点 labels a 事務事業評価 table may use (its organizations' own); absent: the glossary's. */
  viewpointLabels?: readonly string[];
}

/** One sheet read as a KPI table in the shape towns publish it. */
export interface PublishedGrid {
  sheet: string | undefined;
  header: GridRow;
  table: PublishedSheet;
}

export type TableEncoding = TableTextEncoding | 'xlsx';

type TableRows =
  | { kind: 'nodes'; rows: TableRow<NodeRow>[] }
  | { kind: 'indicators'; rows: TableRow<IndicatorRow>[] }
  | { kind: 'indicatorValues'; rows: TableRow<IndicatorValueTableRow>[] }
  | { kind: 'achievements'; rows: TableRow<AchievementRow>[] }
  | { kind: 'programSheets'; rows: TableRow<ProgramSheetRow>[] }
  | { kind: 'evaluations'; rows: TableRow<EvaluationTableRow>[] };

/** The rows that were read well from a file refused for other rows: enough to check their references too. */
export type PartialRead = TableRows;

export type TableReadResult =
  | ({ ok: true; encoding: TableEncoding; layout: 'long' | 'wide' } & TableRows)
  | { ok: false; errors: TableRowError[]; partial?: PartialRead };

// Sheets that explain a template rather than hold data.
const instructionSheet = /説明|instructions|readme/i;

const isXlsx = (bytes: Uint8Array, file: string) =>
  /\.xlsx$/i.test(file) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);

/**
 * Reads one table file, CSV (UTF-8, UTF-8 with BOM or Shift_JIS) or XLSX, reporting all bad rows.
 * @example await readTableFile(bytes, { file: 'indicator-values.csv' }) // { ok: true, kind: 'indicatorValues', rows, … }
 */
export async function readTableFile(bytes: Uint8Array, options: ReadTableOptions): Promise<TableReadResult> {
  const read = await readAnyTableFile(bytes, options);
  if (!read.ok || read.kind !== 'published') return read;
  const errors: TableRowError[] = [];
  for (const grid of read.published)
    appendAll(
      errors,
      describePublishedKpi(grid.table, grid.header, { file: options.file, sheet: grid.sheet }).lines,
    );
  return refuse(...errors);
}

/** A file read as a KPI table in the shape towns publish it. */
export interface PublishedRead {
  ok: true;
  kind: 'published';
  encoding: TableEncoding;
  layout: 'wide';
  published: PublishedGrid[];
}

/**
 * Like readTableFile, but a table in the published shape comes back read rather than described: the published
 * importer (src/io/table-import/published-import.ts) places it in a plan.
 */
export async function readAnyTableFile(
  bytes: Uint8Array,
  options: ReadTableOptions,
): Promise<TableReadResult | PublishedRead> {
  const limits = { ...defaultTableLimits, ...options.limits };
  const place = { file: options.file };
  if (bytes.byteLength > limits.maxFileBytes) {
    return refuse(
      fileError(
        place,
        `ファイルが大きすぎます (${formatMegabytes(bytes.byteLength)}、上限 ${formatMegabytes(limits.maxFileBytes)})`,
        `the file is too large (${formatMegabytes(bytes.byteLength)}, limit ${formatMegabytes(limits.maxFileBytes)})`,
      ),
    );
  }
  if (isXlsx(bytes, options.file)) {
    const read = await readXlsx(bytes, limits);
    if (!read.ok) return refuse(fileError({ ...place, sheet: read.sheet }, read.messageJa, read.messageEn));
    return readGrids(chooseSheets(read.sheets, options), 'xlsx', options);
  }
  const decoded = decodeTableText(bytes);
  if (!decoded.ok) return refuse(fileError(place, decoded.messageJa, decoded.messageEn));
  const csv = new CsvRows(decoded.text, limits.maxRows);
  const header = csv.header();
  if (header === undefined)
    return refuse(csv.failure(place) ?? fileError(place, 'ファイルが空です', 'the file is empty'));
  const read = readGrids([{ name: undefined, header, rows: csv }], decoded.encoding, options);
  // Too many rows found part-way discards whatever was read before it, as if found first.
  const failure = csv.failure(place);
  if (failure !== undefined) return refuse(failure);
  // A row whose quote never closes is reported with the other rows' problems, in row order.
  return withSyntaxErrors(read, csv.syntaxErrors(place));
}

function withSyntaxErrors(
  read: TableReadResult | PublishedRead,
  syntax: TableRowError[],
): TableReadResult | PublishedRead {
  if (syntax.length === 0) return read;
  const errors = read.ok ? syntax : [...syntax, ...read.errors].sort((a, b) => a.row - b.row);
  // A published-shape table is checked as a whole by its own importer: no partial read to check references of.
  const partial = !read.ok ? read.partial : read.kind === 'published' ? undefined : partialOf(read);
  return partial === undefined ? { ok: false, errors } : { ok: false, errors, partial };
}

const partialOf = (read: Extract<TableReadResult, { ok: true }>): PartialRead =>
  ({ kind: read.kind, rows: read.rows }) as PartialRead;

/**
 * A CSV's data rows as an iterable that stops past the row limit (or at a syntax error in the header), and says
 * which; a data row whose quote never closes is kept aside and reading goes on at the next line.
 */
class CsvRows implements Iterable<GridRow> {
  private readonly records: Generator<CsvRecord | CsvSyntaxError, void>;
  private problem: CsvSyntaxError | 'too many rows' | undefined;
  private readonly badRows: CsvSyntaxError[] = [];

  constructor(
    text: string,
    private readonly maxRows: number,
  ) {
    this.records = csvRecords(text);
  }

  header(): GridRow | undefined {
    const first = this.records.next();
    if (first.done) return undefined;
    if ('ok' in first.value) {
      this.problem = first.value;
      return undefined;
    }
    return { row: first.value.line, cells: first.value.cells };
  }

  *[Symbol.iterator](): Iterator<GridRow> {
    let count = 0;
    for (const record of this.records) {
      if ('ok' in record) {
        this.badRows.push(record);
        continue;
      }
      count += 1;
      if (count > this.maxRows) {
        this.problem = 'too many rows';
        return;
      }
      // Our own CSV export guards formula-like text with an apostrophe (see formula-guard.ts).
      yield { row: record.line, cells: record.cells.map(unguardFormula) };
    }
  }

  /** The data rows whose quote never closes, as row errors. */
  syntaxErrors(place: { file: string }): TableRowError[] {
    return this.badRows.map((e) => ({ ...fileError(place, e.messageJa, e.messageEn), row: e.line }));
  }

  /** The problem, reading what no one read (a header that names no table) so a syntax error is never missed. */
  failure(place: { file: string }): TableRowError | undefined {
    for (const row of this) void row;
    const problem = this.problem;
    if (problem === undefined) return undefined;
    if (problem === 'too many rows') {
      const { messageJa, messageEn } = tooManyRows(undefined, this.maxRows);
      return fileError(place, messageJa, messageEn);
    }
    return { ...fileError(place, problem.messageJa, problem.messageEn), row: problem.line };
  }
}

const refuse = (...errors: TableRowError[]): Extract<TableReadResult, { ok: false }> => ({
  ok: false,
  errors,
});

function chooseSheets(sheets: SheetGrid[], options: ReadTableOptions): SheetGrid[] {
  if (options.sheet !== undefined) return sheets.filter((s) => s.name === options.sheet);
  return sheets.filter((s) => !instructionSheet.test(s.name ?? ''));
}

function readGrids(
  grids: SheetGrid[],
  encoding: TableEncoding,
  options: ReadTableOptions,
): TableReadResult | PublishedRead {
  const place = { file: options.file };
  if (grids.length === 0) {
    const what = options.sheet === undefined ? '' : ` 「${options.sheet}」`;
    return refuse(fileError(place, `読み込めるシート${what}がありません`, `no sheet${what} to read`));
  }
  const errors: TableRowError[] = [];
  let rows: TableRow<unknown>[] = [];
  const published: PublishedGrid[] = [];
  const found = new Set<string>();
  const examples: ExampleCount = { skipped: 0 };
  const sheetColumns =
    options.viewpointLabels === undefined
      ? programSheetsTable
      : programSheetsTableFor(options.viewpointLabels);
  for (const marked of grids) {
    const grid = longProgramSheetGrid(withoutExamples(marked, examples), sheetColumns.columns);
    const sheetPlace = { ...place, sheet: grid.name };
    const detected = detectLayout(grid.header.cells, grid.name, options.kind, options.viewpointLabels);
    const table = detected?.complete
      ? null
      : readPublishedKpi(grid, options.mapping === undefined ? {} : { mapping: options.mapping });
    if (
      table &&
      table.columns.filter((c) => c.kind === 'unknown').length <
        (detected?.headers.unknown.length ?? Infinity)
    ) {
      // A town's own KPI table: one row per indicator, its values across the row (src/io/table-import/published-import.ts).
      found.add('published:wide');
      published.push({ sheet: grid.name, header: grid.header, table });
      continue;
    }
    if (!detected) {
      errors.push(
        fileError(
          sheetPlace,
          '見出し行から表の種類 (ノード・指標・実績値・事務事業評価・評価) を判別できません',
          'cannot tell from the header row which table this is (nodes, indicators, indicator values, program sheets, evaluations)',
        ),
      );
      continue;
    }
    found.add(`${detected.layout.kind}:${detected.layout.wide ? 'wide' : 'long'}`);
    errors.push(...headerErrors(detected, grid, sheetPlace));
    if (!detected.complete) continue;
    const read = readGrid(grid, detected.layout, detected.headers, options.file);
    // The first sheet's rows as they are (a CSV has one sheet: no copy of 100,000 rows); a spread call would pass
    // each row as an argument and overflow the stack.
    if (rows.length === 0) rows = read.rows;
    else appendAll(rows, read.rows);
    appendAll(errors, read.errors);
  }
  const kinds = new Set([...found].map((k) => k.split(':')[0]));
  if (kinds.size > 1) {
    errors.push(
      fileError(
        place,
        `1つのファイルに複数の種類の表があります (${[...kinds].join(', ')})。シートを指定するかファイルを分けてください`,
        `the file holds more than one kind of table (${[...kinds].join(', ')}): choose a sheet or split the file`,
      ),
    );
  }
  const [kind, layout] = ([...found][0]?.split(':') ?? []) as [TableKind, 'long' | 'wide'];
  if (errors.length > 0) {
    // One kind of table whose other rows read well: the importer checks their references in the same pass.
    if (kinds.size !== 1 || published.length > 0 || rows.length === 0) return { ok: false, errors };
    return { ok: false, errors, partial: { kind, rows } as PartialRead };
  }
  if (published.length > 0) return { ok: true, encoding, layout: 'wide', kind: 'published', published };
  return { ok: true, encoding, layout, kind, rows } as TableReadResult;
}
