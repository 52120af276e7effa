/**
 * The columns of a KPI table as towns publish it (総合計画・総合戦略 progress reports): the words real sheets use for
 * the indicator, its unit and code, its baseline and target, and one column per year in 和暦 or 西暦.
 */
import { parseYearHeader, type YearHeader } from '../../domain/year-header.ts';
import { normalizeHeader } from './column.ts';

export type PublishedField =
  | 'name'
  | 'id'
  | 'node'
  | 'nodeCode'
  | 'direction'
  | 'source'
  | 'category'
  | 'unit'
  | 'baselineYear'
  | 'targetYear'
  | 'progress'
  | 'note';

/** What a value column holds; a forecast is kept apart from the actuals. */
export type PublishedValueRole = 'baseline' | 'target' | 'actual' | 'forecast';

export type PublishedColumn =
  | { index: number; header: string; kind: 'field'; field: PublishedField }
  | { index: number; header: string; kind: 'value'; role: PublishedValueRole; year: YearHeader | null }
  | { index: number; header: string; kind: 'unknown' };

const fieldAliases: Record<PublishedField, readonly string[]> = {
  name: ['指標名', '成果指標', '数値目標項目', '目標項目', '指標', '指標項目', 'kpi項目', 'indicatorName'],
  id: ['指標ID', '指標id', 'indicatorId', 'ID'],
  // A level of the plan's tree, named by title or code: the first such column is the pillar, the next a policy under it.
  node: [
    '基本目標',
    '基本目標名',
    '政策',
    '政策名',
    '施策',
    '施策名',
    '基本施策',
    '分野',
    '基本的方向',
    '具体的な施策',
    '柱',
  ],
  nodeCode: ['主要施策コード', '施策コード', '施策番号', 'ノードコード', '政策コード', '基本目標番号'],
  direction: ['方向', '方向性', '目指す方向', 'direction'],
  source: ['出典', '出典資料', '資料', 'sourceDocumentId'],
  category: ['区分'],
  unit: ['単位', '単位なし'],
  baselineYear: ['基準年', '基準年度', '基準時点'],
  targetYear: ['目標年', '目標年度', '目標時点'],
  progress: ['進捗状況', '進捗', '評価'],
  note: ['備考', '注記'],
};

// Mori-machi heads its targets 「KPI」; the year comes from 目標年 when a sheet has one.
const valueAliases: Record<string, PublishedValueRole> = {
  基準値: 'baseline',
  現状値: 'baseline',
  基準: 'baseline',
  目標値: 'target',
  目標: 'target',
  kpi: 'target',
  実績値: 'actual',
  実績: 'actual',
  見込値: 'forecast',
};

const fieldByHeader = new Map(
  Object.entries(fieldAliases).flatMap(([field, aliases]) =>
    aliases.map((alias) => [normalizeHeader(alias), field as PublishedField] as const),
  ),
);

/**
 * What one header of a published KPI table names.
 * @example classifyPublishedHeader('平成13年実績', 4) // { kind: 'value', role: 'actual', year: { kind: 'calendar', year: 2001, … } }
 */
export function classifyPublishedHeader(header: string, index: number): PublishedColumn {
  const key = normalizeHeader(header);
  const field = fieldByHeader.get(key);
  if (field) return { index, header, kind: 'field', field };
  const role = valueAliases[key];
  if (role) return { index, header, kind: 'value', role, year: null };
  const year = parseYearHeader(header);
  if (!year) return { index, header, kind: 'unknown' };
  return { index, header, kind: 'value', role: year.role, year: year.kind === 'target' ? null : year };
}

/** Whether a header row looks like a published KPI table: an indicator name and at least one value column. */
export function looksPublished(columns: readonly PublishedColumn[]): boolean {
  return (
    columns.some((c) => c.kind === 'field' && c.field === 'name') && columns.some((c) => c.kind === 'value')
  );
}
