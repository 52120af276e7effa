/** The indicators table: one row per indicator, with its baseline and target as printed. */
import { z } from 'zod';
import { achievementFormulas, directions, indicatorKinds } from '../../domain/model.ts';
import { boolean, code, date, figure, id, number, optional, required, text } from './cells.ts';
import { column } from './column.ts';
import { sourceColumnList, sourceFields, sourceNeedsDocument } from './source-columns.ts';
import type { TableDefinition } from './table-definition.ts';

const c = {
  id: column('id', '指標ID', ['ID'], true, '指標の ID', 'id of the indicator'),
  nodeId: column(
    'nodeId',
    'ノードID',
    ['施策ID'],
    true,
    '指標が属するノードの ID',
    'id of the node the indicator belongs to',
  ),
  name: column('name', '指標名', ['名称'], true, '指標の名前', 'name of the indicator'),
  nameEn: column('nameEn', '英語名', [], false, '英語の名前', 'English name'),
  unit: column(
    'unit',
    '単位',
    [],
    true,
    '円, 人, 件, %, 位 …。合計特殊出生率など単位のない数は空欄',
    'unit: 円, 人, 件, %, 位 …; blank for a dimensionless number',
  ),
  kind: column(
    'kind',
    '指標の種類',
    ['種類'],
    false,
    'outcome (成果) / output (活動) / target (対象: 対象者数など)。空欄は outcome',
    'outcome, output or target (how many it serves); empty means outcome',
  ),
  direction: column(
    'direction',
    '方向',
    [],
    true,
    'increase (増加) / decrease (減少) / maintain (維持) / rank (順位) / unspecified (記載なし: 資料に方向がない)',
    'increase, decrease, maintain, rank, or unspecified (the source states none)',
  ),
  cumulative: column(
    'cumulative',
    '累計',
    [],
    false,
    '累計値なら true',
    'true when values are running totals',
  ),
  achievementFormula: column(
    'achievementFormula',
    '達成率の計算式',
    ['計算式'],
    false,
    'ratio_to_target / progress_from_baseline / cagr',
    'achievement rate formula',
  ),
  baseline: column('baseline', '基準値', [], false, '基準値 (例: 679万, 19.8%)', 'baseline value as printed'),
  baselineDate: column(
    'baselineDate',
    '基準値の日付',
    ['基準年度', '基準日'],
    false,
    '基準値の時点 (例: H27, <2016-04)',
    'date of the baseline',
  ),
  target: column('target', '目標値', [], false, '目標値 (例: 45%)', 'target value as printed'),
  targetDate: column(
    'targetDate',
    '目標値の日付',
    ['目標年度', '目標日'],
    false,
    '目標の時点',
    'date of the target',
  ),
  rankOf: column(
    'rankOf',
    '順位の母数',
    ['対象数'],
    false,
    '順位の指標で、全体の数 (例: 812)',
    'for a rank: the size of the field (e.g. 812)',
  ),
  description: column('description', '説明', ['備考'], false, '説明', 'description'),
};

const indicatorKindWords = {
  成果: 'outcome',
  成果指標: 'outcome',
  活動: 'output',
  活動指標: 'output',
  対象: 'target',
  対象指標: 'target',
} as const;
const directionWords = {
  増加: 'increase',
  減少: 'decrease',
  維持: 'maintain',
  順位: 'rank',
  記載なし: 'unspecified',
} as const;

const schema = z
  .object({
    id: required(c.id, id),
    nodeId: required(c.nodeId, id),
    name: required(c.name, text),
    nameEn: optional(c.nameEn, text),
    // Blank for a dimensionless number (合計特殊出生率 1.36): the column is kept, the cell may be empty.
    unit: optional(c.unit, text, ''),
    kind: optional(c.kind, code(indicatorKinds, indicatorKindWords), 'outcome'),
    direction: required(c.direction, code(directions, directionWords)),
    cumulative: optional(c.cumulative, boolean, false),
    achievementFormula: optional(c.achievementFormula, code(achievementFormulas)),
    baseline: optional(c.baseline, figure),
    baselineDate: optional(c.baselineDate, date),
    target: optional(c.target, figure),
    targetDate: optional(c.targetDate, date),
    rankOf: optional(c.rankOf, number),
    description: optional(c.description, text),
    ...sourceFields(false),
  })
  .superRefine((row, ctx) => {
    sourceNeedsDocument(row, ctx);
    // A baseline or target without its document would be a number with no source.
    if ((row.baseline ?? row.target) !== null && row.sourceDocumentId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['sourceDocumentId'],
        message: '基準値・目標値には「出典」が必要です (a baseline or target needs sourceDocumentId)',
      });
    }
    for (const key of ['baseline', 'target'] as const) {
      const printed = row[key]?.unit ?? null;
      if (printed !== null && printed !== row.unit) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key === 'baseline' ? '基準値' : '目標値'}の単位「${printed}」が「単位」の「${row.unit}」と違います (the ${key}'s unit ${printed} differs from unit ${row.unit})`,
        });
      }
    }
  });

export type IndicatorRow = z.output<typeof schema>;

export const indicatorsTable: TableDefinition<IndicatorRow> = {
  kind: 'indicators',
  sheetHints: ['indicators', 'indicator', '指標'],
  columns: [...Object.values(c), ...sourceColumnList(false)],
  schema,
  example: {
    id: 'mirai-2016.i.furusato-nozei',
    nodeId: 'mirai-2016.p1.finance',
    name: 'ふるさと納税の金額',
    unit: '円',
    kind: 'outcome',
    direction: 'increase',
    baseline: '679万',
    baselineDate: '<2016-04',
    sourceDocumentId: 'komoro-pride-vol5',
    sourceSection: '1.市役所の改革と健全財政 「しせいを正す」',
    sourceLine: 89,
    sourceQuote: '就任前/679万',
  },
};
