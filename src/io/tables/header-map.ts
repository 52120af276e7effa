/** Matches a header row to a table's columns: code names or Japanese aliases, plus period headers in wide form. */
import { parseJapaneseDate } from '../../domain/japanese-date.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import { parseYearHeader } from '../../domain/year-header.ts';
import { type ColumnSpec, normalizeHeader } from './column.ts';
import { cellText, type TableCell } from './sheet-grid.ts';

export interface PeriodColumn {
  index: number;
  header: string;
  /** Canonical partial date of the column: 「令和元年度」 → "FY2019". */
  date: string;
}

export interface HeaderMap {
  /** Code name per column index; null where the column is a period or unknown. */
  names: (string | null)[];
  headers: string[];
  periods: PeriodColumn[];
  unknown: { index: number; header: string }[];
  duplicates: { index: number; header: string }[];
  missing: ColumnSpec[];
}

const lookup = (columns: readonly ColumnSpec[]) => {
  const byHeader = new Map<string, ColumnSpec>();
  for (const col of columns) {
    for (const alias of [col.name, ...col.aliases]) byHeader.set(normalizeHeader(alias), col);
  }
  return byHeader;
};

/**
 * The header of a wide-form period column, read by the date engine.
 * @example periodOfHeader('令和元年度') // 'FY2019'
 */
export function periodOfHeader(header: string): string | null {
  const text = header.normalize('NFKC').trim();
  if (text === '') return null;
  // 「平成15年末見込」 and 「令和7年度目標」 name a year but hold no actual values: never read them as observations.
  const year = parseYearHeader(text);
  if (year !== null && year.role !== 'actual') return null;
  return (parsePartialDate(text) ?? parseJapaneseDate(text))?.text ?? null;
}

/** Maps each header to a column; with `periods`, headers that read as dates become period columns. */
export function mapHeaders(
  cells: readonly TableCell[],
  columns: readonly ColumnSpec[],
  periods: boolean,
): HeaderMap {
  const byHeader = lookup(columns);
  const seen = new Set<string>();
  const map: HeaderMap = { names: [], headers: [], periods: [], unknown: [], duplicates: [], missing: [] };
  cells.forEach((cell, index) => {
    const header = cellText(cell);
    map.headers[index] = header;
    map.names[index] = null;
    if (header === '') return;
    const col = byHeader.get(normalizeHeader(header));
    if (col) {
      if (seen.has(col.name)) map.duplicates.push({ index, header });
      else map.names[index] = col.name;
      seen.add(col.name);
      return;
    }
    const date = periods ? periodOfHeader(header) : null;
    // H31 and 令和元年度 are the same 年度: two columns for it would give two values for one date.
    if (date && map.periods.some((p) => p.date === date)) map.duplicates.push({ index, header });
    else if (date) map.periods.push({ index, header, date });
    else map.unknown.push({ index, header });
  });
  map.missing = columns.filter((col) => col.required && !seen.has(col.name));
  return map;
}
