/**
 * Turns one sheet grid into typed rows, collecting every bad cell of every row: staff fix a file in one pass,
 * and the importer rolls the whole batch back when any error remains.
 */
import type { z } from 'zod';
import { achievementsTable } from './achievements-table.ts';
import type { ColumnSpec } from './column.ts';
import { evaluationsTable } from './evaluations-table.ts';
import type { HeaderMap } from './header-map.ts';
import { indicatorValuesTable } from './indicator-values-table.ts';
import { indicatorsTable } from './indicators-table.ts';
import type { Layout } from './layouts.ts';
import { nodesTable } from './nodes-table.ts';
import { programSheetsTable } from './program-sheets-table.ts';
import { cellText, type GridRow, isBlankRow, type SheetGrid, type TableCell } from './sheet-grid.ts';
import type { TableDefinition, TableKind } from './table-definition.ts';
import { splitBilingual, type TableRowError } from './table-error.ts';
import { asWritten } from './written-header.ts';

/** A typed row and where it was read from. */
export interface TableRow<T> {
  sheet?: string;
  row: number;
  data: T;
  /** Code name → the header as written, when the reader rewrote the headers (a wide 事務事業評価 table's year). */
  written?: ReadonlyMap<string, string>;
}

export interface GridReadResult {
  rows: TableRow<unknown>[];
  errors: TableRowError[];
}

const tables: Record<TableKind, TableDefinition<unknown>> = {
  nodes: nodesTable as TableDefinition<unknown>,
  indicators: indicatorsTable as TableDefinition<unknown>,
  indicatorValues: indicatorValuesTable as TableDefinition<unknown>,
  achievements: achievementsTable as TableDefinition<unknown>,
  programSheets: programSheetsTable as TableDefinition<unknown>,
  evaluations: evaluationsTable as TableDefinition<unknown>,
};

/** The schema's input for one row: code name → cell, '' for blank cells and for columns the file lacks. */
function recordOf(
  row: GridRow,
  headers: HeaderMap,
  blank: Record<string, TableCell>,
): Record<string, TableCell> {
  const record = { ...blank };
  const { names } = headers;
  for (let index = 0; index < names.length; index += 1) {
    const name = names[index];
    const cell = row.cells[index];
    if (name && cell !== undefined) record[name] = typeof cell === 'string' ? cell.trim() : cell;
  }
  return record;
}

const blankRecord = (columns: readonly ColumnSpec[]): Record<string, TableCell> =>
  Object.fromEntries(columns.map((col) => [col.name, '']));

/** One record per filled period cell: the wide row's columns, the period as date, the cell as value. */
function wideRecords(
  row: GridRow,
  headers: HeaderMap,
  blank: Record<string, TableCell>,
): { record: Record<string, TableCell>; index: number }[] {
  const shared = recordOf(row, headers, blank);
  return headers.periods.flatMap(({ index, date }) => {
    const cell = row.cells[index];
    if (cell === undefined || cellText(cell) === '') return [];
    return [{ record: { ...shared, date, value: cell }, index }];
  });
}

function issueErrors(
  error: z.ZodError,
  place: { file: string; sheet: string | undefined; row: GridRow },
  headers: HeaderMap,
  valueIndex: number | undefined,
  columns: readonly ColumnSpec[],
): TableRowError[] {
  return error.issues.map((issue): TableRowError => {
    const name = issue.path[0];
    const index =
      name === 'value' && valueIndex !== undefined
        ? valueIndex
        : typeof name === 'string'
          ? headers.names.indexOf(name)
          : -1;
    const cell = index >= 0 ? place.row.cells[index] : undefined;
    const rowError: TableRowError = {
      file: place.file,
      ...(place.sheet === undefined ? {} : { sheet: place.sheet }),
      row: place.row.row,
      // A column the file lacks is named by its code name, so staff know what to add.
      column: index >= 0 ? (headers.headers[index] ?? String(name)) : typeof name === 'string' ? name : '',
      value: cellText(cell),
      ...splitBilingual(issue.message),
    };
    const written = place.row.written;
    if (written === undefined || typeof name !== 'string') return rowError;
    const header = (index >= 0 ? written.byIndex[index] : undefined) || written.byName.get(name);
    if (!header) return rowError;
    return asWritten(
      rowError,
      columns.find((col) => col.name === name),
      header,
    );
  });
}

/** Reads the data rows of a grid whose layout is known. */
export function readGrid(grid: SheetGrid, layout: Layout, headers: HeaderMap, file: string): GridReadResult {
  const table = layout.table ?? tables[layout.kind];
  const result: GridReadResult = { rows: [], errors: [] };
  const sheet = grid.name;
  const blank = blankRecord(table.columns);
  // A 事務事業評価 row's later checks (the program, the town's words) name its columns as the header wrote them.
  const asTyped = layout.kind === 'programSheets' ? writtenByName(headers) : undefined;
  for (const row of grid.rows) {
    if (isBlankRow(row)) continue;
    // A long row is one record; no wrapper per row, since this runs for every row of a 100,000-row file.
    if (!layout.wide)
      readRecord(
        table,
        recordOf(row, headers, blank),
        undefined,
        { file, sheet, row },
        headers,
        result,
        asTyped,
      );
    else {
      for (const { record, index } of wideRecords(row, headers, blank)) {
        readRecord(table, record, index, { file, sheet, row }, headers, result);
      }
    }
  }
  // A wide row's bad id or source would otherwise be reported once per period cell.
  result.errors = uniqueErrors(result.errors);
  return result;
}

/** Code name → the header as written, for the columns the file has. */
function writtenByName(headers: HeaderMap): ReadonlyMap<string, string> {
  const byName = new Map<string, string>();
  headers.names.forEach((name, index) => {
    if (name) byName.set(name, headers.headers[index] ?? name);
  });
  return byName;
}

function readRecord(
  table: TableDefinition<unknown>,
  record: Record<string, TableCell>,
  valueIndex: number | undefined,
  place: { file: string; sheet: string | undefined; row: GridRow },
  headers: HeaderMap,
  result: GridReadResult,
  asTyped?: ReadonlyMap<string, string>,
): void {
  const fast = table.fastParse?.(record);
  const parsed = fast === undefined ? table.schema.safeParse(record) : { success: true as const, data: fast };
  if (!parsed.success) {
    result.errors.push(...issueErrors(parsed.error, place, headers, valueIndex, table.columns));
    return;
  }
  const { sheet, row } = place;
  const data = parsed.data;
  const read: TableRow<unknown> =
    sheet === undefined ? { row: row.row, data } : { sheet, row: row.row, data };
  const written = row.written?.byName ?? asTyped;
  if (written !== undefined) read.written = written;
  result.rows.push(read);
}

function uniqueErrors(errors: TableRowError[]): TableRowError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.row}\t${e.column}\t${e.messageEn}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
