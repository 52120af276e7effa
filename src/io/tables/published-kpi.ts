/**
 * Reads a KPI table in the shape towns publish it, one row per indicator with its values across the row, into
 * what each cell says: value, unit, date and its kind (年, 年度, a day), and whether it is an actual, a forecast, a
 * baseline or a target. Every row is read whatever is wrong with another, so one pass shows every problem.
 */

import type { ParsedNumber } from '../../domain/japanese-number.ts';
import { chooseUnit, readKpiCell } from '../../domain/kpi-cell.ts';
import { parseYearHeader, type YearHeader } from '../../domain/year-header.ts';
import {
  classifyPublishedHeader,
  looksPublished,
  type PublishedColumn,
  type PublishedField,
  type PublishedValueRole,
} from './published-kpi-columns.ts';
import {
  applyMapping,
  type ColumnMapping,
  emptyMapping,
  type MappingProblem,
  resolveYear,
  type YearKind,
} from './published-mapping.ts';
import { cellText, type GridRow, isBlankRow, type SheetGrid } from './sheet-grid.ts';

export type DateKind = 'fiscal' | 'calendar' | 'snapshot' | 'ambiguous' | 'unknown';

export interface PublishedValue {
  /** The column's header as printed. */
  column: string;
  role: PublishedValueRole;
  /** Canonical partial date; null when the sheet gives no year or an ambiguous one. */
  date: string | null;
  dateKind: DateKind;
  figure: ParsedNumber;
  unit: string | null;
  /** The words before a figure inside a cell: 「H27年度現在」. */
  label?: string;
  /** 0-based column of the cell, for its source locator (F7). */
  columnIndex: number;
  /** The cell's text as printed. */
  cellText: string;
}

/** A cell left out, with why: a word where a number belongs (設置), or text with digits that reads as nothing. */
export interface PublishedSkip {
  column: string;
  text: string;
  reason: 'word' | 'unreadable';
}

export interface PublishedProblem {
  column: string;
  value: string;
  messageJa: string;
  messageEn: string;
}

export interface PublishedTreeCell {
  header: string;
  text: string;
  byCode: boolean;
  /** The title printed beside a code. */
  title?: string;
}

export interface PublishedRow {
  row: number;
  fields: Partial<Record<PublishedField, string>>;
  /**
   * The plan-tree cells of the row (基本目標, 施策, 主要施策コード …), in column order: the pillar first. A code column
   * with a title column beside it (施策コード, 施策名) is one level: `text` the code, `title` the title.
   */
  nodes: PublishedTreeCell[];
  /** The unit the row's values share: the 単位 column's, or the one printed in the cells; null when none. */
  unit: string | null;
  values: PublishedValue[];
  /** Headers of the cells with no value (blank, なし, -). */
  empty: string[];
  skipped: PublishedSkip[];
  problems: PublishedProblem[];
}

export interface PublishedSheet {
  columns: PublishedColumn[];
  /** Columns staff chose to leave out. */
  ignored: PublishedColumn[];
  /** Mapping entries that name no column or no known target. */
  mappingProblems: MappingProblem[];
  rows: PublishedRow[];
}

export interface PublishedReadOptions {
  mapping?: ColumnMapping;
}

const dateOf = (
  given: YearHeader | null,
  yearKind: YearKind | null,
): { date: string | null; dateKind: DateKind } => {
  const year = resolveYear(given, yearKind);
  return year === null || year.kind === 'target'
    ? { date: null, dateKind: 'unknown' }
    : year.kind === 'ambiguous'
      ? { date: null, dateKind: 'ambiguous' }
      : { date: year.date, dateKind: year.kind };
};

/** The year of a baseline or target column: its own header's, else the row's 基準年 / 目標年 cell. */
function yearOfColumn(
  column: Extract<PublishedColumn, { kind: 'value' }>,
  fields: PublishedRow['fields'],
): YearHeader | null {
  if (column.year) return column.year;
  const yearCell =
    column.role === 'baseline'
      ? fields.baselineYear
      : column.role === 'target'
        ? fields.targetYear
        : undefined;
  return yearCell ? parseYearHeader(yearCell) : null;
}

function readValueCell(
  column: Extract<PublishedColumn, { kind: 'value' }>,
  text: string,
  row: PublishedRow,
  yearKind: YearKind | null,
): void {
  const cell = readKpiCell(text);
  if (cell.kind === 'none') row.empty.push(column.header);
  else if (cell.kind === 'word' || cell.kind === 'unreadable')
    row.skipped.push({ column: column.header, text, reason: cell.kind });
  else if (cell.kind === 'figure')
    addValue(row, column, text, {
      figure: cell.figure,
      ...dateOf(yearOfColumn(column, row.fields), yearKind),
      role: column.role,
    });
  else
    for (const part of cell.parts) {
      const year = part.year ?? yearOfColumn(column, row.fields);
      const role = part.year?.role === 'forecast' ? 'forecast' : column.role;
      addValue(row, column, text, {
        figure: part.figure,
        ...dateOf(year, yearKind),
        role,
        label: part.label,
      });
    }
}

function addValue(
  row: PublishedRow,
  column: PublishedColumn,
  text: string,
  value: Omit<PublishedValue, 'column' | 'unit' | 'columnIndex' | 'cellText'>,
): void {
  const choice = chooseUnit(value.figure.unit, row.fields.unit ?? null);
  if (!choice.ok) {
    row.problems.push({
      column: column.header,
      value: text,
      messageJa: `値の単位「${choice.cellUnit}」が「単位」列の「${choice.columnUnit}」と違います`,
      messageEn: `the value's unit ${choice.cellUnit} differs from the unit column ${choice.columnUnit}`,
    });
    return;
  }
  const earlier = row.values.find((v) => v.unit !== choice.unit);
  if (earlier) {
    row.problems.push({
      column: column.header,
      value: text,
      messageJa: `単位「${choice.unit ?? 'なし'}」が同じ行の「${earlier.column}」の「${earlier.unit ?? 'なし'}」と違います`,
      messageEn: `unit ${choice.unit ?? '(none)'} differs from ${earlier.unit ?? '(none)'} in column ${earlier.column} of the same row`,
    });
    return;
  }
  row.unit = choice.unit;
  row.values.push({
    ...value,
    column: column.header,
    unit: choice.unit,
    columnIndex: column.index,
    cellText: text,
  });
}

type TreeColumn = Extract<PublishedColumn, { kind: 'field' }> & { field: 'node' | 'nodeCode' };

const isTreeColumn = (c: PublishedColumn): c is TreeColumn =>
  c.kind === 'field' && (c.field === 'node' || c.field === 'nodeCode');

/** The row's plan-tree cells; a code and the title in the column beside it make one level. */
function treeCells(grid: GridRow, columns: readonly PublishedColumn[]): PublishedTreeCell[] {
  const tree = columns.filter(isTreeColumn).sort((a, b) => a.index - b.index);
  const cells: PublishedTreeCell[] = [];
  for (let i = 0; i < tree.length; i += 1) {
    const column = tree[i] as TreeColumn;
    const next = tree[i + 1];
    const text = cellText(grid.cells[column.index]);
    const paired = next !== undefined && next.index === column.index + 1 && next.field !== column.field;
    if (!paired) {
      if (text !== '') cells.push({ header: column.header, text, byCode: column.field === 'nodeCode' });
      continue;
    }
    i += 1;
    const nextText = cellText(grid.cells[next.index]);
    const [codeColumn, titleColumn] = column.field === 'nodeCode' ? [column, next] : [next, column];
    const [code, title] = column.field === 'nodeCode' ? [text, nextText] : [nextText, text];
    if (code !== '')
      cells.push({ header: codeColumn.header, text: code, byCode: true, ...(title === '' ? {} : { title }) });
    else if (title !== '') cells.push({ header: titleColumn.header, text: title, byCode: false });
  }
  return cells;
}

function readRow(
  grid: GridRow,
  columns: readonly PublishedColumn[],
  yearKind: YearKind | null,
): PublishedRow {
  const row: PublishedRow = {
    row: grid.row,
    fields: {},
    nodes: [],
    unit: null,
    values: [],
    empty: [],
    skipped: [],
    problems: [],
  };
  for (const column of columns) {
    const text = cellText(grid.cells[column.index]);
    if (column.kind === 'field' && text !== '') row.fields[column.field] = text;
  }
  row.nodes = treeCells(grid, columns);
  for (const column of columns)
    if (column.kind === 'value') readValueCell(column, cellText(grid.cells[column.index]), row, yearKind);
  if (row.fields.name === undefined)
    row.problems.push({
      column: '',
      value: '',
      messageJa: '指標名が空です',
      messageEn: 'the indicator name is blank',
    });
  return row;
}

/**
 * The sheet read as a published KPI table, or null when its header row does not look like one.
 * @example readPublishedKpi(grid)?.rows[0]?.values[0] // { column: '平成13年実績', role: 'actual', date: '2001', dateKind: 'calendar', … }
 */
export function readPublishedKpi(grid: SheetGrid, options: PublishedReadOptions = {}): PublishedSheet | null {
  const mapping = options.mapping ?? emptyMapping();
  const guessed = grid.header.cells.map((cell, index) => classifyPublishedHeader(cellText(cell), index));
  const mapped = applyMapping(guessed, mapping);
  const columns = mapped.columns;
  if (!looksPublished(columns)) return null;
  const rows: PublishedRow[] = [];
  for (const row of grid.rows) if (!isBlankRow(row)) rows.push(readRow(row, columns, mapping.yearKind));
  return {
    columns: columns
      .filter((c) => c.header !== '')
      .map((c) => (c.kind === 'value' ? { ...c, year: resolveYear(c.year, mapping.yearKind) } : c)),
    ignored: mapped.ignored,
    mappingProblems: mapped.problems,
    rows,
  };
}
