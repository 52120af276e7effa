/**
 * Template example rows: a column headed 例 (or "example") marks a row as an example, so a template uploaded as
 * downloaded changes nothing. The column and the rows it marks are dropped before the table is read.
 */
import { cellText, type GridRow, type SheetGrid } from './sheet-grid.ts';

/** The marker column's header, as the templates write it. */
export const exampleColumnHeader = '例 (example)';

const isExampleHeader = (text: string) => /^(?:記入)?例(?:\s*\(example\))?$|^example$/i.test(text);

/** The rows a grid held that were marked as examples, counted as they are skipped. */
export interface ExampleCount {
  skipped: number;
}

/**
 * The grid without its example column and the rows marked in it; the grid itself when it has no such column.
 * @example withoutExamples(grid, count) // header 例 (example),id,… and a row 例,mirai-2016.p1,… → header id,… and no rows
 */
export function withoutExamples(grid: SheetGrid, count: ExampleCount): SheetGrid {
  const column = grid.header.cells.findIndex((cell) => isExampleHeader(cellText(cell)));
  if (column < 0) return grid;
  const drop = (row: GridRow): GridRow => ({ row: row.row, cells: row.cells.filter((_, n) => n !== column) });
  const source = grid.rows;
  const rows: Iterable<GridRow> = {
    *[Symbol.iterator]() {
      for (const row of source) {
        if (cellText(row.cells[column]) !== '') {
          count.skipped += 1;
          continue;
        }
        yield drop(row);
      }
    },
  };
  return { name: grid.name, header: drop(grid.header), rows };
}
