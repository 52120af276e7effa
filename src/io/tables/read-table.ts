/**
 * Reads a CSV or XLSX file staff already keep into validated, typed rows of one table, or every error found.
 * Nothing is written anywhere: the importer decides what to do with the rows.
 */

import { appendAll } from '../../domain/append-all.ts';
import { type CsvRecord, type CsvSyntaxError, csvRecords } from './csv.ts';
import { decodeTableText, type TableTextEncoding } from './decode.ts';
import { unguardFormula } from './formula-guard.ts';
import { headerErrors } from './header-errors.ts';
import type { IndicatorValueTableRow } from './indicator-values-table.ts';
import type { IndicatorRow } from './indicators-table.ts';
import { detectLayout } from './layouts.ts';
import { defaultTableLimits, formatMegabytes, type TableLimits } from './limits.ts';
import type { NodeRow } from './nodes-table.ts';
import { readPublishedKpi } from './published-kpi.ts';
import { describePublishedKpi } from './published-kpi-report.ts';
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
}

export type TableEncoding = TableTextEncoding | 'xlsx';

type TableRows =
  | { kind: 'nodes'; rows: TableRow<NodeRow>[] }
  | { kind: 'indicators'; rows: TableRow<IndicatorRow>[] }
  | { kind: 'indicatorValues'; rows: TableRow<IndicatorValueTableRow>[] };

export type TableReadResult =
  | ({ ok: true; encoding: TableEncoding; layout: 'long' | 'wide' } & TableRows)
  | { ok: false; errors: TableRowError[] };

// Sheets that explain a template rather than hold data.
const instructionSheet = /説明|instructions|readme/i;

const isXlsx = (bytes: Uint8Array, file: string) =>
  /\.xlsx$/i.test(file) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);

/**
 * Reads one table file, CSV (UTF-8, UTF-8 with BOM or Shift_JIS) or XLSX, reporting all bad rows.
 * @example await readTableFile(bytes, { file: 'indicator-values.csv' }) // { ok: true, kind: 'indicatorValues', rows, … }
 */
export async function readTableFile(bytes: Uint8Array, options: ReadTableOptions): Promise<TableReadResult> {
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
  // A syntax error or too many rows found part-way discards whatever was read before it, as if found first.
  const failure = csv.failure(place);
  return failure === undefined ? read : refuse(failure);
}

/** A CSV's data rows as an iterable that stops at a syntax error or past the row limit, and says which. */
class CsvRows implements Iterable<GridRow> {
  private readonly records: Generator<CsvRecord | CsvSyntaxError, void>;
  private problem: CsvSyntaxError | 'too many rows' | undefined;

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
        this.problem = record;
        return;
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

const refuse = (...errors: TableRowError[]): TableReadResult => ({ ok: false, errors });

function chooseSheets(sheets: SheetGrid[], options: ReadTableOptions): SheetGrid[] {
  if (options.sheet !== undefined) return sheets.filter((s) => s.name === options.sheet);
  return sheets.filter((s) => !instructionSheet.test(s.name ?? ''));
}

function readGrids(grids: SheetGrid[], encoding: TableEncoding, options: ReadTableOptions): TableReadResult {
  const place = { file: options.file };
  if (grids.length === 0) {
    const what = options.sheet === undefined ? '' : ` 「${options.sheet}」`;
    return refuse(fileError(place, `読み込めるシート${what}がありません`, `no sheet${what} to read`));
  }
  const errors: TableRowError[] = [];
  const rows: TableRow<unknown>[] = [];
  const found = new Set<string>();
  for (const grid of grids) {
    const sheetPlace = { ...place, sheet: grid.name };
    const detected = detectLayout(grid.header.cells, grid.name, options.kind);
    const published = detected?.complete ? null : readPublishedKpi(grid);
    if (
      published &&
      published.columns.filter((c) => c.kind === 'unknown').length <
        (detected?.headers.unknown.length ?? Infinity)
    ) {
      // A town's own KPI table: every cell is read and described, though it cannot be placed in a plan yet.
      found.add('indicatorValues:published');
      appendAll(errors, describePublishedKpi(published, grid.header, sheetPlace));
      continue;
    }
    if (!detected) {
      errors.push(
        fileError(
          sheetPlace,
          '見出し行から表の種類 (ノード・指標・実績値) を判別できません',
          'cannot tell from the header row which table this is (nodes, indicators, indicator values)',
        ),
      );
      continue;
    }
    found.add(`${detected.layout.kind}:${detected.layout.wide ? 'wide' : 'long'}`);
    errors.push(...headerErrors(detected, grid, sheetPlace));
    if (!detected.complete) continue;
    const read = readGrid(grid, detected.layout, detected.headers, options.file);
    // A file holds up to 200,000 rows: a spread call would pass each as an argument and overflow the stack.
    appendAll(rows, read.rows);
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
  if (errors.length > 0) return { ok: false, errors };
  const [kind, layout] = [...found][0]!.split(':') as [TableKind, 'long' | 'wide'];
  return { ok: true, encoding, layout, kind, rows } as TableReadResult;
}
