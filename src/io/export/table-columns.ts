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

const yenColumn = (name: string, ja: string, en: string) =>
  exportColumn(name, `${ja}（円）`, 'integer', `${ja}、円単位`, `${en}, in yen`);

/** 事務事業評価: one row per program and fiscal year, its money in yen, and the signed stages beside it. */
export const programSheetColumns: readonly ExportColumn[] = [
  exportColumn('id', 'シートID', 'string', '事務事業評価シートの ID', 'id of the sheet'),
  exportColumn('nodeId', 'ノードID', 'string', '事業 (ノード) の ID', 'id of the program (node)'),
  exportColumn('programTitle', '事業名', 'string', '事業の名前', 'title of the program'),
  exportColumn('department', '所管課', 'string', '事業の所管課', 'department responsible'),
  exportColumn('fiscalYear', '年度', 'integer', '年度 (4月始まり)', 'Japanese fiscal year'),
  exportColumn('target', '対象', 'string', '誰・何を対象とするか', 'who or what the program addresses'),
  exportColumn('intent', '意図', 'string', '対象をどうしたいか', 'what it intends for them'),
  exportColumn('means', '手段', 'string', '何をするか', 'what it does'),
  exportColumn(
    'targetIndicatorIds',
    '対象指標ID',
    'string',
    '対象指標の ID (改行区切り)',
    'target indicator ids',
  ),
  exportColumn(
    'activityIndicatorIds',
    '活動指標ID',
    'string',
    '活動指標の ID (改行区切り)',
    'activity indicator ids',
  ),
  exportColumn(
    'outcomeIndicatorIds',
    '成果指標ID',
    'string',
    '成果指標の ID (改行区切り)',
    'outcome indicator ids',
  ),
  exportColumn(
    'unitCostIndicatorId',
    '単位コストの指標ID',
    'string',
    '単位コストの分母の指標',
    'unit cost indicator',
  ),
  yenColumn('budgetInitial', '当初予算', 'initial budget'),
  yenColumn('budgetSupplementary', '補正予算', 'supplementary budget'),
  yenColumn('budgetFinal', '最終予算', 'final budget'),
  yenColumn('settlement', '決算', 'settlement'),
  yenColumn('fundingNational', '国庫支出金', 'national funds'),
  yenColumn('fundingPrefectural', '県支出金', 'prefectural funds'),
  yenColumn('fundingBonds', '地方債', 'bonds'),
  yenColumn('fundingOther', 'その他財源', 'other funds'),
  yenColumn('fundingGeneral', '一般財源', 'general funds'),
  yenColumn('personnelCost', '人件費', 'personnel cost'),
  exportColumn('staffYears', '人工', 'number', '従事した職員の人工 (年)', 'staff years'),
  yenColumn('averageSalary', '平均給与', 'average salary'),
  yenColumn('otherCost', 'その他のコスト', 'other cost counted into the total'),
  exportColumn(
    'otherCostLabel',
    'その他のコストの内容',
    'string',
    '減価償却費など',
    'what the other cost is',
  ),
  yenColumn('totalCost', 'トータルコスト（計算値）', 'total cost as computed'),
  exportColumn(
    'executionRate',
    '執行率（計算値・%）',
    'number',
    '決算 ÷ 最終予算 × 100',
    'settlement ÷ final budget × 100',
  ),
  // What the sheet printed, as printed (「3,937千円」): read back by the import as the printed figures.
  ...(
    [
      ['printedProgramCost', '事業費（印刷された値）', 'program cost as printed'],
      ['printedTotalCost', 'トータルコスト（印刷された値）', 'total cost as printed'],
      ['printedUnitCost', '単位コスト（印刷された値）', 'unit cost as printed'],
      ['printedExecutionRate', '執行率（印刷された値）', 'execution rate as printed'],
      ['printedStaffCount', '従事職員数（印刷された値）', 'staff assigned, as printed'],
      ['printedStaffHours', '延べ業務時間（印刷された値）', 'staff hours, as printed'],
    ] as const
  ).flatMap(([name, ja, en]) => [
    exportColumn(name, ja, 'string', `${ja}。シートの表記のまま`, en),
    exportColumn(
      `${name}Source`,
      `出典（${ja.replace('（印刷された値）', '')}）`,
      'string',
      '値が印刷された箇所（行の出典と違うときだけ）: 資料: 資料ID | 行: 84 | 引用: 原文',
      `where the ${en.replace(/,? as printed$/, '')} is printed, if not the row's source: 資料: id | 行: 84 | 引用: words`,
    ),
  ]),
  ...(['first', 'second', 'external', 'final'] as const).flatMap((stage) => {
    const ja = { first: '一次評価', second: '二次評価', external: '外部評価', final: '最終判断' }[stage];
    return [
      exportColumn(
        `${stage}Grade`,
        `${ja}の評価`,
        'string',
        `${ja}の評価 (A など)`,
        `grade at the ${stage} stage`,
      ),
      exportColumn(`${stage}Score`, `${ja}の点数`, 'number', `${ja}の点数`, `score at the ${stage} stage`),
      exportColumn(
        `${stage}NextStep`,
        `${ja}の方向性`,
        'string',
        '今後の方向性のコード',
        `next step at the ${stage} stage`,
      ),
      exportColumn(
        `${stage}SignedBy`,
        `${ja}の署名者`,
        'string',
        '署名したアカウント',
        `who signed the ${stage} stage`,
      ),
    ];
  }),
  yenColumn('budgetEffect', '予算への反映額', 'budget effect of the deciding stage'),
  exportColumn('note', '備考', 'string', '備考', 'note'),
  ...sources,
];

/** Every evaluation, long form: one row per evaluation of a node or of the plan itself. */
export const evaluationColumns: readonly ExportColumn[] = [
  exportColumn('id', '評価ID', 'string', '評価の ID', 'id of the evaluation'),
  exportColumn('planId', '計画ID', 'string', '計画の ID', 'id of the plan'),
  exportColumn(
    'nodeId',
    'ノードID',
    'string',
    '評価したノード (計画自体の評価は空欄)',
    'node evaluated; empty for the plan',
  ),
  exportColumn('fiscalYear', '年度', 'integer', '評価した年度', 'fiscal year evaluated'),
  exportColumn('stage', '段階', 'string', 'first / second / external / final', 'stage of the yearly cycle'),
  exportColumn(
    'evaluatorKind',
    '評価者の種類',
    'string',
    'self / internal / external / citizen',
    'evaluator kind',
  ),
  exportColumn('evaluatorName', '評価者', 'string', '評価者の名前', 'evaluator'),
  exportColumn('evaluatedAt', '評価日', 'string', '評価した日', 'date evaluated'),
  exportColumn('scale', '尺度', 'string', '評価の尺度 (A-D, 100点 …)', 'scale'),
  exportColumn('grade', '評価', 'string', '評価 (A など)', 'grade'),
  exportColumn('score', '点数', 'number', '点数', 'score'),
  exportColumn('maxScore', '満点', 'number', '満点', 'maximum score'),
  exportColumn('scoreUnit', '点数の単位', 'string', '点 / %', 'unit of the score'),
  exportColumn('nextStep', '今後の方向性', 'string', '方向性のコード', 'next step code'),
  exportColumn(
    'budgetEffectDirection',
    '予算への反映',
    'string',
    'increase / unchanged / decrease / abolish',
    'budget effect direction',
  ),
  yenColumn('budgetEffectAmount', '予算への反映額', 'budget effect amount'),
  exportColumn('comment', '所見', 'string', '所見', 'comment'),
  exportColumn('signedBy', '署名者', 'string', '署名したアカウント', 'who signed'),
  exportColumn('signedAt', '署名日時', 'string', '署名した日時 (ISO 8601)', 'when signed'),
  ...sources,
];
