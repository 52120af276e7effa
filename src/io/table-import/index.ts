/** Importing staff's CSV and XLSX tables into the store: dry run, all or nothing, idempotent, in the history. */
export { formatImportReport, formatRowError, formatRowPlan, formatWarning } from './format-report.ts';
export type {
  ImportAction,
  ImportCounts,
  ImportEntity,
  ImportRowPlan,
  TableImportOutcome,
  TableImportReport,
} from './import-report.ts';
export { unconfirmedWarnings } from './import-report.ts';
export { importTableFile, type TableImportOptions } from './import-table.ts';
export type { ImportWarning, WarningConfirmation } from './plausibility-check.ts';
