/**
 * A table as the exporters write it: typed columns (for the datapackage) and rows of plain cells. One shape for
 * CSV, XLSX and datapackage.json, so the three always describe the same columns.
 */
import type { ColumnSpec } from '../tables/column.ts';

/** Frictionless Table Schema field types the exports use. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

export interface ExportColumn {
  /** The glossary's code name: the CSV header, the same one the CSV importer reads. */
  name: string;
  /** Japanese label, for the XLSX header comment and the datapackage title. */
  title: string;
  description: string;
  type: FieldType;
}

export type ExportCell = string | number | boolean | null;

export interface ExportTable {
  /** File stem and sheet name: "nodes" → nodes.csv. */
  name: string;
  title: string;
  columns: readonly ExportColumn[];
  /** One array per row, cells in column order. */
  rows: ExportCell[][];
  primaryKey?: readonly string[];
  foreignKeys?: readonly { fields: string; reference: { resource: string; fields: string } }[];
}

/** A column the CSV importer also reads, keeping its code name and help text. */
export const importedColumn = (spec: ColumnSpec, type: FieldType = 'string'): ExportColumn => ({
  name: spec.name,
  title: spec.labelJa,
  description: `${spec.descriptionJa} (${spec.descriptionEn})`,
  type,
});

/** A column only exports carry. */
export const exportColumn = (
  name: string,
  title: string,
  type: FieldType,
  descriptionJa: string,
  descriptionEn: string,
): ExportColumn => ({ name, title, description: `${descriptionJa} (${descriptionEn})`, type });

/** Rows from records keyed by column name; a missing key is a blank cell. */
export const rowsOf = (
  columns: readonly ExportColumn[],
  records: readonly Record<string, ExportCell | undefined>[],
): ExportCell[][] => records.map((record) => columns.map((c) => record[c.name] ?? null));
