/** The shape both readers hand on: a named grid of cells, each row with the number a spreadsheet shows. */
import type { WrittenHeaders } from './written-header.ts';

/** A cell as read: text, or a number when the spreadsheet stored one. Empty cells are ''. */
export type TableCell = string | number;

export interface GridRow {
  /** 1-based CSV line or sheet row. */
  row: number;
  cells: TableCell[];
  /** Set when the header was rewritten for reading (a wide 事務事業評価 table): the headers errors must name. */
  written?: WrittenHeaders;
}

export interface SheetGrid {
  /** The sheet's name; undefined for CSV. */
  name: string | undefined;
  header: GridRow;
  /** Any iterable: a CSV's rows are read as they are validated. */
  rows: Iterable<GridRow>;
}

export const cellText = (cell: TableCell | undefined): string =>
  cell === undefined ? '' : typeof cell === 'number' ? String(cell) : cell.trim();

export const isBlankRow = (row: GridRow): boolean => row.cells.every((cell) => cellText(cell) === '');
