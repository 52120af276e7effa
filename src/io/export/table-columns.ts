/**
 * The columns of each exported table. Where the CSV importer (src/io/tables) reads a table, its columns come
 * first with the same code names, so an exported file can be edited and read back: format in = format out.
 */

import { valueTableColumns } from '../tables/indicator-values-table.ts';
import { indicatorsTable } from '../tables/indicators-table.ts';
import { nodesTable } from '../tables/nodes-table.ts';
import { sourceColumnList } from '../tables/source-columns.ts';
import { type ExportColumn, exportColumn, type FieldType, importedColumn } from './export-table.ts';

const fieldTypes: Record<string, FieldType> = {
  position: 'integer',
  cumulative: 'boolean',
  baseline: 'number',
  target: 'number',
  rankOf: 'integer',
  outOf: 'number',
  value: 'number',
  sourceLine: 'integer',
  sourcePage: 'integer',
};

const typed = (spec: Parameters<typeof importedColumn>[0]) => importedColumn(spec, fieldTypes[spec.name]);
const sources = sourceColumnList(true).map(typed);

export const nodeColumns: readonly ExportColumn[] = nodesTable.columns.map(typed);

// Exactly the importer's columns: it refuses headers it does not know; highlight travels in the JSON export.
export const indicatorColumns: readonly ExportColumn[] = indicatorsTable.columns.map(typed);

const o = valueTableColumns;
export const indicatorValueTableColumns: readonly ExportColumn[] = [
  typed(o.indicatorId),
  exportColumn('nodeId', 'ノードID', 'string', '指標が属するノードの ID', 'id of the node of the indicator'),
  exportColumn('indicatorName', '指標名', 'string', '指標の名前', 'name of the indicator'),
  exportColumn(
    'role',
    '値の種類',
    'string',
    'baseline (基準値) / target (目標値) / observation (実績値)',
    'baseline, target or observation',
  ),
  typed(o.date),
  exportColumn(
    'fiscalYear',
    '年度',
    'integer',
    '日付が含まれる年度 (4月始まり)',
    'Japanese fiscal year of the date',
  ),
  typed(o.value),
  typed(o.unit),
  typed(o.qualifier),
  typed(o.outOf),
  typed(o.rankOf),
  exportColumn('text', '表記', 'string', '資料に印刷された値の表記 (例: 3億4300万)', 'the value as printed'),
  typed(o.note),
  ...sources,
];

export const achievementColumns: readonly ExportColumn[] = [
  exportColumn('id', '実績ID', 'string', '実績の ID', 'id of the achievement'),
  exportColumn('nodeId', 'ノードID', 'string', '実績が属するノードの ID', 'id of the node'),
  exportColumn('title', '実績', 'string', '実績の題', 'what was achieved'),
  exportColumn('date', '日付', 'string', '日付 (2020-01, FY2019, 2021-autumn …)', 'partial date'),
  exportColumn(
    'dateBasis',
    '日付の意味',
    'string',
    'event (その日に起きた) / reported (その日までに報告された)',
    'event: when it happened; reported: known by then',
  ),
  exportColumn('highlight', '注目', 'boolean', '囲み記事の実績なら true', 'true for a boxed highlight'),
  exportColumn('details', '詳細', 'string', '箇条書き (1 行に 1 項目)', 'bullet lines, one per line'),
  exportColumn('note', '備考', 'string', '備考', 'note'),
  ...sources,
];
