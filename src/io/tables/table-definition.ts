/** What a table kind is made of: its columns, its row schema, the sheet names that hint at it, and an example. */
import type { z } from 'zod';
import type { ColumnSpec } from './column.ts';
import type { TableCell } from './sheet-grid.ts';

export const tableKinds = [
  'nodes',
  'indicators',
  'indicatorValues',
  'achievements',
  'programSheets',
  'evaluations',
] as const;
export type TableKind = (typeof tableKinds)[number];

export interface TableDefinition<Row> {
  kind: TableKind;
  /** Sheet names (normalized, matched by inclusion) that say which table a sheet holds. */
  sheetHints: readonly string[];
  columns: readonly ColumnSpec[];
  /** Reads one row given as { codeName: cell }, blank cells left out. */
  schema: z.ZodType<Row>;
  /**
   * The common valid row without zod, giving exactly what `schema` gives, or undefined for anything else (which
   * then goes through `schema`, so every error message comes from one place).
   */
  fastParse?: (record: Readonly<Record<string, TableCell>>) => Row | undefined;
  /** A row from the Komoro demo, for the templates. */
  example: Record<string, TableCell>;
}
