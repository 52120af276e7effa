/** The files of one plan's open-data export: four CSVs and their datapackage.json, or one XLSX workbook. */
import type { Plan, ViewpointDefinition } from '../../domain/model.ts';
import { type CsvEncoding, encodeCsv, type UnencodableCell } from './csv-encoding.ts';
import { csvFileName, dataPackage } from './datapackage.ts';
import { planTableNames, planTables } from './plan-tables.ts';
import { writeXlsx } from './xlsx-writer.ts';

export interface ExportFile {
  /** File name inside the export folder, e.g. "indicator-values.csv". */
  path: string;
  bytes: Uint8Array;
}

export interface PlanCsvOptions {
  encoding: CsvEncoding;
  organizationName?: string;
  /** The organization's 観点, heading program-sheets.csv's viewpoint columns; absent: the glossary's. */
  viewpoints?: readonly ViewpointDefinition[];
}

export type PlanCsvResult =
  | { ok: true; files: ExportFile[] }
  | { ok: false; error: UnencodableCell & { file: string } };

/** The JSON text of a datapackage, as written next to the CSVs. */
const jsonBytes = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/**
 * nodes.csv, indicators.csv, indicator-values.csv, achievements.csv and datapackage.json for one plan.
 * @example planCsvFiles(plan, { encoding: 'shift_jis' }) // { ok: true, files: [{ path: 'nodes.csv', … }, …] }
 */
export function planCsvFiles(plan: Plan, options: PlanCsvOptions): PlanCsvResult {
  const tables = planTables(plan, options.viewpoints);
  const files: ExportFile[] = [];
  for (const name of planTableNames) {
    const table = tables[name];
    const encoded = encodeCsv(table, options.encoding);
    if (!encoded.ok) return { ok: false, error: { ...encoded.error, file: csvFileName(table) } };
    files.push({ path: csvFileName(table), bytes: encoded.bytes });
  }
  const descriptor = dataPackage(
    plan,
    planTableNames.map((name) => tables[name]),
    options,
  );
  files.push({ path: 'datapackage.json', bytes: jsonBytes(descriptor) });
  return { ok: true, files };
}

/**
 * One workbook with a sheet per table of the plan.
 * @example await planXlsx(plan) // bytes of <plan>.xlsx
 */
export function planXlsx(plan: Plan, viewpoints?: readonly ViewpointDefinition[]): Promise<Uint8Array> {
  const tables = planTables(plan, viewpoints);
  return writeXlsx(planTableNames.map((name) => tables[name]));
}
