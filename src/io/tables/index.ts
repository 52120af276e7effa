export { type AchievementRow, achievementsTable } from './achievements-table.ts';
export type { ColumnSpec } from './column.ts';
export { type CsvParseResult, type CsvRecord, parseCsv } from './csv.ts';
export {
  type DecodedTableText,
  decodeTableText,
  type TableTextEncoding,
  type UndecodableTableText,
} from './decode.ts';
export { type EvaluationTableRow, evaluationsTable } from './evaluations-table.ts';
export { periodOfHeader } from './header-map.ts';
export { type IndicatorValueTableRow, indicatorValuesTable } from './indicator-values-table.ts';
export { type IndicatorRow, indicatorsTable } from './indicators-table.ts';
export { defaultTableLimits, type TableLimits } from './limits.ts';
export { type NodeRow, nodesTable } from './nodes-table.ts';
export {
  type MoneyField,
  moneyFields,
  type ProgramSheetRow,
  printedFigureSourceColumns,
  programSheetsTable,
  type StageCells,
} from './program-sheets-table.ts';
export type { TableRow } from './read-grid.ts';
export {
  type PartialRead,
  type PublishedGrid,
  type PublishedRead,
  type ReadTableOptions,
  readAnyTableFile,
  readTableFile,
  type TableEncoding,
  type TableReadResult,
} from './read-table.ts';
export type { TableCell } from './sheet-grid.ts';
export { type TableKind, tableKinds } from './table-definition.ts';
export type { TableRowError } from './table-error.ts';
export {
  buildTemplateCsv,
  buildTemplateWorkbook,
  instructionsSheetName,
  type TemplateKind,
} from './template.ts';
export { checkXlsxZip, type ZipCheck } from './zip-guard.ts';
