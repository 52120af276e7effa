/**
 * A 事務事業評価 table as cities keep it, turned into the long table the reader knows: a unit in a header
 * (「決算（千円）」) scales the column's bare numbers to yen, and year-tagged headers (「決算(R4)」「令和4年度決算」
 * 「当初予算_2023年度」) make one row per program and year, as if typed in the long layout with a 年度 column.
 */

import { parseDateText, parseFigureText } from './cells.ts';
import { type ColumnSpec, normalizeHeader } from './column.ts';
import { programSheetsTable } from './program-sheets-table.ts';
import { cellText, type GridRow, type SheetGrid, type TableCell } from './sheet-grid.ts';
import type { WrittenHeaders } from './written-header.ts';

const lookups = new WeakMap<readonly ColumnSpec[], Map<string, ColumnSpec>>();

/** Header → column for a table's columns (the glossary's, or an organization's own 観点 among them). */
function lookupOf(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  let byHeader = lookups.get(columns);
  if (byHeader === undefined) {
    byHeader = new Map();
    for (const col of columns)
      for (const alias of [col.name, ...col.aliases]) byHeader.set(normalizeHeader(alias), col);
    lookups.set(columns, byHeader);
  }
  return byHeader;
}

const unitTag = /[(（]\s*(百万円|千円|万円|円)\s*[)）]/;
const scaleWords: Readonly<Record<string, string>> = {
  百万円: '百万円',
  千円: '千円',
  万円: '万円',
  円: '円',
};
const era = '(?:令和|平成|R|H)(?:\\d{1,2}|元)(?:年度?)?|(?:19|20)\\d{2}(?:年度)?|FY(?:19|20)\\d{2}';
const yearAtStart = new RegExp(`^(${era})(?:の)?(.+)$`, 'i');
const yearAtEnd = new RegExp(`^(.+?)[\\s_・]*[(（]?(${era})[)）]?$`, 'i');

interface HeaderReading {
  column: ColumnSpec;
  /** The printed unit that bare numbers of the column are in (千円), or null. */
  unit: string | null;
  /** The fiscal year the header tags, or null. */
  year: number | null;
}

const yearOf = (text: string): number | null => {
  const date = parseDateText(text.normalize('NFKC'));
  const year = date === null ? undefined : /^(?:FY)?(\d{4})$/.exec(date)?.[1];
  return year === undefined ? null : Number(year);
};

/** What a header names: a column of the table, with the unit and year it tags; null when it names none. */
export function readHeader(
  header: string,
  columns: readonly ColumnSpec[] = programSheetsTable.columns,
): HeaderReading | null {
  const byHeader = lookupOf(columns);
  let text = header.normalize('NFKC').trim();
  const unit = unitTag.exec(text)?.[1] ?? null;
  if (unit !== null) text = text.replace(unitTag, '').trim();
  const direct = byHeader.get(normalizeHeader(text));
  if (direct) return { column: direct, unit, year: null };
  for (const [pattern, yearPart, stemPart] of [
    [yearAtStart, 1, 2],
    [yearAtEnd, 2, 1],
  ] as const) {
    const match = pattern.exec(text);
    if (!match) continue;
    const year = yearOf(match[yearPart]!);
    const column = byHeader.get(normalizeHeader(match[stemPart]!.replace(/[\s_・の]+$/, '')));
    if (year !== null && column) return { column, unit, year };
  }
  return null;
}

/** A bare number in a column whose header states its unit, written with the unit so the yen parser scales it. */
function scaled(cell: TableCell | undefined, unit: string | null): TableCell | undefined {
  if (unit === null || unit === '円' || cell === undefined || cellText(cell) === '') return cell;
  if (typeof cell === 'number') return `${cell}${scaleWords[unit]}`;
  const parsed = parseFigureText(cell.trim());
  // A cell that carries its own unit or scale (「1,234千円」「4億円」) already says how much it is.
  if (parsed === null || parsed.unit !== null || /[千万億]/.test(cell)) return cell;
  return `${cell.trim()}${scaleWords[unit]}`;
}

/**
 * The grid in the long layout with code-name headers, or the grid itself when no header tags a unit or a year.
 * @example longProgramSheetGrid(grid).header.cells // ['nodeId', 'fiscalYear', 'settlement'] for 事業ID, 決算(R4), 決算(R5)
 */
export function longProgramSheetGrid(
  grid: SheetGrid,
  columns: readonly ColumnSpec[] = programSheetsTable.columns,
): SheetGrid {
  const readings = grid.header.cells.map((cell) => readHeader(cellText(cell), columns));
  const tagged = readings.some((r) => r !== null && (r.unit !== null || r.year !== null));
  const years = [...new Set(readings.flatMap((r) => (r?.year == null ? [] : [r.year])))].sort();
  // A 年度 column or year-tagged columns make it a sheet table: a KPI table's 「その他（千円）」 stays as it is.
  const sheetTable = years.length > 0 || readings.some((r) => r?.column.name === 'fiscalYear');
  if (!tagged || !sheetTable) return grid;
  const shared = readings.flatMap((r, index) => (r !== null && r.year === null ? [{ r, index }] : []));
  const wide = years.length > 0;
  const header: GridRow = {
    row: grid.header.row,
    cells: [
      ...grid.header.cells.map((cell, index) => {
        const r = readings[index];
        // Unknown headers stay as written, so the reader names them; a year-tagged one is read per year below.
        if (r == null) return cell;
        return r.year === null ? r.column.name : '';
      }),
      ...(wide ? ['fiscalYear', ...uniqueYearColumns(readings)] : []),
    ],
  };
  const yearColumns = uniqueYearColumns(readings);
  const width = grid.header.cells.length;
  const source = grid.rows;
  const writtenOf = writtenHeaders(grid.header, readings, yearColumns);
  const shareWritten = writtenOf(null);
  const yearWritten = new Map(years.map((year) => [year, writtenOf(year)]));
  const rows: Iterable<GridRow> = {
    *[Symbol.iterator]() {
      for (const row of source) {
        const cells = row.cells.slice(0, width);
        while (cells.length < width) cells.push('');
        for (const { r, index } of shared) cells[index] = scaled(row.cells[index], r.unit) ?? '';
        for (const index of readings.keys()) if (readings[index]?.year != null) cells[index] = '';
        if (!wide) {
          yield { row: row.row, cells, written: shareWritten };
          continue;
        }
        for (const year of years) {
          const values = yearColumns.map((name) => {
            const index = readings.findIndex((r) => r?.year === year && r.column.name === name);
            return index < 0 ? '' : (scaled(row.cells[index], readings[index]!.unit) ?? '');
          });
          if (values.every((v) => cellText(v) === '')) continue;
          yield { row: row.row, cells: [...cells, String(year), ...values], written: yearWritten.get(year) };
        }
      }
    },
  };
  return { name: grid.name, header, rows };
}

const uniqueYearColumns = (readings: readonly (HeaderReading | null)[]) => [
  ...new Set(readings.flatMap((r) => (r?.year == null ? [] : [r.column.name]))),
];

/**
 * The headers as written behind the rewritten grid's cells, for the row of `year` (null: a long table's rows): a
 * year's columns by its own headers (「令和4年度 決算額」), its 年度 by the first of them.
 */
function writtenHeaders(
  header: GridRow,
  readings: readonly (HeaderReading | null)[],
  yearColumns: readonly string[],
): (year: number | null) => WrittenHeaders {
  const texts = header.cells.map((cell) => cellText(cell));
  return (year) => {
    const byName = new Map<string, string>();
    readings.forEach((r, index) => {
      if (r != null && r.year === null) byName.set(r.column.name, texts[index] ?? '');
    });
    const ofYear = yearColumns.map((name) => {
      const index = readings.findIndex((r) => r?.year === year && r.column.name === name);
      return index < 0 ? '' : (texts[index] ?? '');
    });
    yearColumns.forEach((name, n) => {
      if (ofYear[n]) byName.set(name, ofYear[n]);
    });
    const yearHeader = ofYear.find((text) => text !== '') ?? '';
    if (year !== null && yearHeader !== '') byName.set('fiscalYear', yearHeader);
    return { byIndex: [...texts, ...(year === null ? [] : [yearHeader, ...ofYear])], byName };
  };
}
