/** Open-data exports: a plan's tables as CSV (UTF-8 with BOM or Shift_JIS), XLSX and a Frictionless datapackage. */
export {
  type CsvEncoding,
  csvEncodings,
  type EncodeCsvResult,
  encodeCsv,
  type UnencodableCell,
} from './csv-encoding.ts';
export { csvField, formatCsv } from './csv-writer.ts';
export {
  csvFileName,
  type DataPackage,
  type DataPackageOptions,
  dataPackage,
  exportLicense,
} from './datapackage.ts';
export type { ExportCell, ExportColumn, ExportTable, FieldType } from './export-table.ts';
export { type FoundIndicator, findIndicator } from './find-indicator.ts';
export {
  type ExportFile,
  type PlanCsvOptions,
  type PlanCsvResult,
  planCsvFiles,
  planXlsx,
} from './plan-files.ts';
export {
  indicatorValuesTable,
  type PlanTableName,
  type PlanTables,
  planTableNames,
  planTables,
} from './plan-tables.ts';
export { writeXlsx } from './xlsx-writer.ts';
