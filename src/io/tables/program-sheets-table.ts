/**
 * The 事務事業評価 table: one row per program and fiscal year, its money (当初・補正・最終予算, 決算, 財源, 人件費),
 * the figures the sheet prints (事業費, トータルコスト, 単位コスト, 執行率, 従事職員数, 延べ業務時間), and the
 * year's evaluations by stage (一次評価 … 最終判断) with their 観点, 今後の方向性 and 予算への反映. Exported as
 * program-sheets.csv; the export's columns read back, its computed ones (トータルコスト（計算値）, 執行率（計算値）)
 * are read and ignored.
 */
import { z } from 'zod';
import type { ParsedNumber } from '../../domain/japanese-number.ts';
import {
  budgetEffectDirections,
  type EvaluationStage,
  evaluationStages,
  type SourceRef,
} from '../../domain/model.ts';
import {
  code,
  figure,
  fiscalYear,
  id,
  idList,
  number,
  optional,
  required,
  sourceRef,
  text,
  yen,
} from './cells.ts';
import { type ColumnSpec, column } from './column.ts';
import { sourceColumnList, sourceFields, sourceNeedsDocument } from './source-columns.ts';
import type { TableDefinition } from './table-definition.ts';

const yenColumn = (name: string, labelJa: string, aliases: string[], en: string) =>
  column(name, labelJa, aliases, false, `${labelJa} (円。見出しに（千円）とあれば千円)`, `${en}, in yen`);

/** The printed figures by kind: their column and the words the sheet prints them under. */
const printedFigureWords = {
  programCost: ['printedProgramCost', '事業費'],
  totalCost: ['printedTotalCost', 'トータルコスト'],
  unitCost: ['printedUnitCost', '単位コスト'],
  executionRate: ['printedExecutionRate', '執行率'],
  staffCount: ['printedStaffCount', '従事職員数'],
  staffHours: ['printedStaffHours', '延べ業務時間'],
} as const;
type PrintedKind = keyof typeof printedFigureWords;
const printedKinds = Object.keys(printedFigureWords) as PrintedKind[];

/** `printedProgramCostSource` 事業費の出典 …: a printed figure's own source, where it is not the row's. */
function printedSourceColumns() {
  return Object.fromEntries(
    printedKinds.map((kind) => {
      const [name, ja] = printedFigureWords[kind];
      return [
        `${name}Source`,
        column(
          `${name}Source`,
          `${ja}の出典`,
          [`出典(${ja})`, `出典（${ja}）`],
          false,
          `${ja}が印刷された箇所 (行の出典と違うときだけ): 資料: 資料ID | 行: 84 | 引用: 原文`,
          `where the ${kind} is printed, if not the row's source: 資料: id | 行: 84 | 引用: words`,
        ),
      ];
    }),
  ) as Record<`${(typeof printedFigureWords)[PrintedKind][0]}Source`, ColumnSpec>;
}

export const programSheetColumns = {
  id: column(
    'id',
    'シートID',
    [],
    false,
    '空欄なら事業と年度から決まります',
    'id of the sheet; empty: made from program and year',
  ),
  nodeId: column('nodeId', 'ノードID', ['事業ID'], false, '事業 (ノード) の ID', 'id of the program (node)'),
  programCode: column(
    'programCode',
    '事業番号',
    ['事業コード'],
    false,
    '事業の番号 (ノードの番号)',
    'the program’s code',
  ),
  programTitle: column(
    'programTitle',
    '事業名',
    ['事務事業名'],
    false,
    'ID か番号が無ければ事業名で探します',
    'title, used when no id or code',
  ),
  department: column(
    'department',
    '所管課',
    ['担当課'],
    false,
    '読み込み時は無視します',
    'ignored on import',
  ),
  fiscalYear: column(
    'fiscalYear',
    '年度',
    ['対象年度', '評価年度'],
    true,
    '令和4年度, R4, 2022年度, 2022',
    'fiscal year',
  ),
  target: column(
    'target',
    '対象',
    ['事業の対象'],
    false,
    '誰・何を対象とするか',
    'who or what the program addresses',
  ),
  intent: column('intent', '意図', ['事業の意図'], false, '対象をどうしたいか', 'what it intends'),
  means: column('means', '手段', ['事業の手段', '事業内容'], false, '何をするか', 'what it does'),
  targetIndicatorIds: column(
    'targetIndicatorIds',
    '対象指標ID',
    [],
    false,
    '対象指標 (対象者数など) の ID (改行・読点区切り)',
    'target indicator ids',
  ),
  activityIndicatorIds: column(
    'activityIndicatorIds',
    '活動指標ID',
    [],
    false,
    '活動指標の ID (改行・読点区切り)',
    'activity indicator ids',
  ),
  outcomeIndicatorIds: column(
    'outcomeIndicatorIds',
    '成果指標ID',
    [],
    false,
    '成果指標の ID (改行・読点区切り)',
    'outcome indicator ids',
  ),
  unitCostIndicatorId: column(
    'unitCostIndicatorId',
    '単位コストの指標ID',
    [],
    false,
    '単位コストの分母の活動指標',
    'unit cost indicator',
  ),
  budgetInitial: yenColumn('budgetInitial', '当初予算', ['当初予算額'], 'initial budget'),
  budgetSupplementary: yenColumn(
    'budgetSupplementary',
    '補正予算',
    ['補正予算額', '補正額'],
    'supplementary budget',
  ),
  budgetFinal: yenColumn('budgetFinal', '最終予算', ['最終予算額', '予算現額'], 'final budget'),
  settlement: yenColumn('settlement', '決算', ['決算額'], 'settlement'),
  fundingNational: yenColumn('fundingNational', '国庫支出金', [], 'national funds'),
  fundingPrefectural: yenColumn(
    'fundingPrefectural',
    '県支出金',
    ['都道府県支出金', '府支出金', '都支出金', '道支出金'],
    'prefectural funds',
  ),
  fundingBonds: yenColumn('fundingBonds', '地方債', ['市債', '町債', '村債'], 'bonds'),
  fundingOther: yenColumn('fundingOther', 'その他財源', ['その他', 'その他特定財源'], 'other funds'),
  fundingGeneral: yenColumn('fundingGeneral', '一般財源', [], 'general funds'),
  personnelCost: yenColumn('personnelCost', '人件費', [], 'personnel cost'),
  staffYears: column('staffYears', '人工', ['従事人工'], false, '従事した職員の人工 (年)', 'staff years'),
  averageSalary: yenColumn('averageSalary', '平均給与', ['平均給与額'], 'average salary'),
  otherCost: yenColumn('otherCost', 'その他のコスト', [], 'other cost counted into the total'),
  otherCostLabel: column(
    'otherCostLabel',
    'その他のコストの内容',
    [],
    false,
    '減価償却費など',
    'what the other cost is',
  ),
  printedProgramCost: yenColumn(
    'printedProgramCost',
    '事業費',
    ['事業費計', '事業費合計'],
    'program cost as printed',
  ),
  printedTotalCost: yenColumn(
    'printedTotalCost',
    'トータルコスト',
    ['総コスト', 'フルコスト'],
    'total cost as printed',
  ),
  printedUnitCost: column(
    'printedUnitCost',
    '単位コスト',
    ['単位当たりコスト'],
    false,
    '印刷された単位コスト (例: 1,234円)',
    'unit cost as printed',
  ),
  printedExecutionRate: column(
    'printedExecutionRate',
    '執行率',
    [],
    false,
    '印刷された執行率 (例: 95.2%)',
    'execution rate as printed',
  ),
  printedStaffCount: column(
    'printedStaffCount',
    '従事職員数',
    ['正規職員従事人数', '従事人数', '従事職員'],
    false,
    '印刷された従事職員数 (例: 3人)',
    'staff assigned, as printed',
  ),
  printedStaffHours: column(
    'printedStaffHours',
    '延べ業務時間',
    ['延べ従事時間', '業務時間'],
    false,
    '印刷された延べ業務時間 (例: 280時間)',
    'staff hours, as printed',
  ),
  ...printedSourceColumns(),
  totalCost: column(
    'totalCost',
    'トータルコスト（計算値）',
    [],
    false,
    '書き出しの計算値。読み込み時は無視します',
    'computed on export; ignored',
  ),
  executionRate: column(
    'executionRate',
    '執行率（計算値・%）',
    [],
    false,
    '書き出しの計算値。読み込み時は無視します',
    'computed on export; ignored',
  ),
  nextStep: column(
    'nextStep',
    '今後の方向性',
    ['方向性'],
    false,
    '方向性の名前 (団体の区分: 拡充・継続・改善 …) かコード。最も後の段階の評価に付きます',
    'next step, by label or code; goes to the latest stage',
  ),
  budgetEffectDirection: column(
    'budgetEffectDirection',
    '予算への反映',
    [],
    false,
    '増額 / 現状維持 / 減額 / 廃止',
    'increase / unchanged / decrease / abolish',
  ),
  budgetEffect: yenColumn('budgetEffect', '予算への反映額', ['予算反映額'], 'budget effect'),
  comment: column(
    'comment',
    '所見',
    ['評価コメント'],
    false,
    '最も後の段階の評価の所見',
    'comment of the latest stage',
  ),
  note: column('note', '備考', [], false, '備考', 'note'),
};

export const stageWords: Record<EvaluationStage, string> = {
  first: '一次評価',
  second: '二次評価',
  external: '外部評価',
  final: '最終判断',
};

/** The columns of one stage: 一次評価の評価, 一次評価の点数 … */
const stageColumnsOf = (stage: EvaluationStage) => {
  const ja = stageWords[stage];
  return {
    grade: column(
      `${stage}Grade`,
      `${ja}の評価`,
      [ja, `${ja}結果`],
      false,
      `${ja}の評価 (A など)`,
      `grade at the ${stage} stage`,
    ),
    score: column(
      `${stage}Score`,
      `${ja}の点数`,
      [`${ja}の得点`],
      false,
      `${ja}の点数。単位も (72.5点, 78%)`,
      `score, with its unit`,
    ),
    maxScore: column(`${stage}MaxScore`, `${ja}の満点`, [], false, `${ja}の満点`, `maximum score`),
    scale: column(`${stage}Scale`, `${ja}の尺度`, [], false, `${ja}の尺度 (A-D, 100点 …)`, `scale`),
    nextStep: column(
      `${stage}NextStep`,
      `${ja}の方向性`,
      [`${ja}の今後の方向性`],
      false,
      '方向性の名前かコード',
      `next step at the ${stage} stage`,
    ),
    evaluator: column(`${stage}Evaluator`, `${ja}の評価者`, [], false, `${ja}をした人・組織`, `evaluator`),
    evaluatedAt: column(`${stage}EvaluatedAt`, `${ja}の評価日`, [], false, '評価した日', `date evaluated`),
    comment: column(
      `${stage}Comment`,
      `${ja}の所見`,
      [`${ja}のコメント`, `${ja}の意見`],
      false,
      `${ja}の所見`,
      `comment`,
    ),
    signedBy: column(
      `${stage}SignedBy`,
      `${ja}の署名者`,
      [],
      false,
      '書き出しの値。署名は評価の画面で行います',
      'exported; sign on the evaluation page',
    ),
  };
};

export const stageColumns = Object.fromEntries(evaluationStages.map((s) => [s, stageColumnsOf(s)])) as Record<
  EvaluationStage,
  ReturnType<typeof stageColumnsOf>
>;

/** 観点 columns by the glossary's labels, unless the organization configured its own (`evaluationViewpoints`). */
export const viewpointLabels = ['必要性', '妥当性', '有効性', '効率性', '公平性'] as const;

/** The grade and comment columns of each 観点 label, `viewpoint1Grade` … in the labels' order. */
const viewpointColumnsOf = (labels: readonly string[]) =>
  labels.flatMap((label, n) => [
    column(
      `viewpoint${n + 1}Grade`,
      label,
      [`${label}の評価`],
      false,
      `一次評価の観点「${label}」の評価`,
      `grade on ${label}`,
    ),
    column(
      `viewpoint${n + 1}Comment`,
      `${label}の所見`,
      [`${label}のコメント`, `${label}の理由`],
      false,
      `観点「${label}」の所見`,
      `comment on ${label}`,
    ),
  ]);

const directionWords = {
  増額: 'increase',
  拡大: 'increase',
  現状維持: 'unchanged',
  現状: 'unchanged',
  増減なし: 'unchanged',
  減額: 'decrease',
  縮小: 'decrease',
  廃止: 'abolish',
} as const;

const c = programSheetColumns;

const stageFields = (stage: EvaluationStage) => {
  const s = stageColumns[stage];
  return {
    [s.grade.name]: optional(s.grade, text),
    [s.score.name]: optional(s.score, figure),
    [s.maxScore.name]: optional(s.maxScore, number),
    [s.scale.name]: optional(s.scale, text),
    [s.nextStep.name]: optional(s.nextStep, text),
    [s.evaluator.name]: optional(s.evaluator, text),
    [s.evaluatedAt.name]: optional(s.evaluatedAt, text),
    [s.comment.name]: optional(s.comment, text),
    [s.signedBy.name]: optional(s.signedBy, text),
  };
};

const fields = {
  id: optional(c.id, id),
  nodeId: optional(c.nodeId, id),
  programCode: optional(c.programCode, text),
  programTitle: optional(c.programTitle, text),
  department: optional(c.department, text),
  fiscalYear: required(c.fiscalYear, fiscalYear),
  target: optional(c.target, text),
  intent: optional(c.intent, text),
  means: optional(c.means, text),
  targetIndicatorIds: optional(c.targetIndicatorIds, idList),
  activityIndicatorIds: optional(c.activityIndicatorIds, idList),
  outcomeIndicatorIds: optional(c.outcomeIndicatorIds, idList),
  unitCostIndicatorId: optional(c.unitCostIndicatorId, id),
  budgetInitial: optional(c.budgetInitial, yen),
  budgetSupplementary: optional(c.budgetSupplementary, yen),
  budgetFinal: optional(c.budgetFinal, yen),
  settlement: optional(c.settlement, yen),
  fundingNational: optional(c.fundingNational, yen),
  fundingPrefectural: optional(c.fundingPrefectural, yen),
  fundingBonds: optional(c.fundingBonds, yen),
  fundingOther: optional(c.fundingOther, yen),
  fundingGeneral: optional(c.fundingGeneral, yen),
  personnelCost: optional(c.personnelCost, yen),
  staffYears: optional(c.staffYears, number),
  averageSalary: optional(c.averageSalary, yen),
  otherCost: optional(c.otherCost, yen),
  otherCostLabel: optional(c.otherCostLabel, text),
  printedProgramCost: optional(c.printedProgramCost, figure),
  printedTotalCost: optional(c.printedTotalCost, figure),
  printedUnitCost: optional(c.printedUnitCost, figure),
  printedExecutionRate: optional(c.printedExecutionRate, figure),
  printedStaffCount: optional(c.printedStaffCount, figure),
  printedStaffHours: optional(c.printedStaffHours, figure),
  ...Object.fromEntries(
    printedKinds.map((kind) => {
      const name = `${printedFigureWords[kind][0]}Source` as const;
      return [name, optional(c[name], sourceRef)];
    }),
  ),
  totalCost: optional(c.totalCost, text),
  executionRate: optional(c.executionRate, text),
  nextStep: optional(c.nextStep, text),
  budgetEffectDirection: optional(c.budgetEffectDirection, code(budgetEffectDirections, directionWords)),
  budgetEffect: optional(c.budgetEffect, yen),
  comment: optional(c.comment, text),
  note: optional(c.note, text),
  ...evaluationStages.reduce((all, stage) => Object.assign(all, stageFields(stage)), {}),
  ...sourceFields(true),
};

/** One stage's cells as the row gives them (null: blank, keep what is stored). */
export interface StageCells {
  grade: string | null;
  score: ParsedNumber | null;
  maxScore: number | null;
  scale: string | null;
  nextStep: string | null;
  evaluator: string | null;
  evaluatedAt: string | null;
  comment: string | null;
  signedBy: string | null;
}

type Parsed = Record<string, unknown>;

function stageCellsOf(row: Parsed, stage: EvaluationStage): StageCells | null {
  const s = stageColumns[stage];
  const cells: StageCells = {
    grade: row[s.grade.name] as string | null,
    score: row[s.score.name] as ParsedNumber | null,
    maxScore: row[s.maxScore.name] as number | null,
    scale: row[s.scale.name] as string | null,
    nextStep: row[s.nextStep.name] as string | null,
    evaluator: row[s.evaluator.name] as string | null,
    evaluatedAt: row[s.evaluatedAt.name] as string | null,
    comment: row[s.comment.name] as string | null,
    signedBy: row[s.signedBy.name] as string | null,
  };
  return Object.values(cells).some((v) => v !== null) ? cells : null;
}

const money = [
  'budgetInitial',
  'budgetSupplementary',
  'budgetFinal',
  'settlement',
  'fundingNational',
  'fundingPrefectural',
  'fundingBonds',
  'fundingOther',
  'fundingGeneral',
  'personnelCost',
  'averageSalary',
  'otherCost',
] as const;
export type MoneyField = (typeof money)[number];
export const moneyFields: readonly MoneyField[] = money;

/** The row schema reading the given 観点 labels' columns. */
const schemaFor = (labels: readonly string[]) =>
  z
    .object({
      ...fields,
      ...Object.fromEntries(viewpointColumnsOf(labels).map((col) => [col.name, optional(col, text)])),
    })
    .superRefine((row, ctx) => {
      sourceNeedsDocument(row as never, ctx);
      for (const kind of printedKinds) {
        const [name, ja] = printedFigureWords[kind];
        if ((row as Parsed)[`${name}Source`] !== null && (row as Parsed)[name] === null)
          ctx.addIssue({
            code: 'custom',
            path: [`${name}Source`],
            message: `「${ja}の出典」には「${ja}」の値が必要です (${name}Source needs ${name} in the same row)`,
          });
      }
      if (row.nodeId === null && row.programCode === null && row.programTitle === null)
        ctx.addIssue({
          code: 'custom',
          path: ['nodeId'],
          message:
            '「ノードID」「事業番号」「事業名」のどれかが必要です (a row needs nodeId, programCode or programTitle)',
        });
    })
    .transform((raw) => {
      const row = raw as Parsed & typeof raw;
      return {
        id: row.id,
        nodeId: row.nodeId,
        programCode: row.programCode,
        programTitle: row.programTitle,
        fiscalYear: row.fiscalYear,
        target: row.target,
        intent: row.intent,
        means: row.means,
        targetIndicatorIds: row.targetIndicatorIds,
        activityIndicatorIds: row.activityIndicatorIds,
        outcomeIndicatorIds: row.outcomeIndicatorIds,
        unitCostIndicatorId: row.unitCostIndicatorId,
        money: Object.fromEntries(money.map((f) => [f, row[f]])) as Record<MoneyField, number | null>,
        staffYears: row.staffYears,
        otherCostLabel: row.otherCostLabel,
        printed: {
          programCost: row.printedProgramCost,
          totalCost: row.printedTotalCost,
          unitCost: row.printedUnitCost,
          executionRate: row.printedExecutionRate,
          staffCount: row.printedStaffCount,
          staffHours: row.printedStaffHours,
        },
        /** Each printed figure's own source, where the row names one. */
        printedSources: Object.fromEntries(
          printedKinds.map((kind) => [kind, row[`${printedFigureWords[kind][0]}Source`] as SourceRef | null]),
        ) as Record<PrintedKind, SourceRef | null>,
        stages: Object.fromEntries(evaluationStages.map((s) => [s, stageCellsOf(row, s)])) as Record<
          EvaluationStage,
          StageCells | null
        >,
        decision: {
          nextStep: row.nextStep,
          budgetEffectDirection: row.budgetEffectDirection,
          budgetEffect: row.budgetEffect,
          comment: row.comment,
        },
        viewpoints: labels
          .map((label, n) => ({
            label,
            grade: row[`viewpoint${n + 1}Grade`] as string | null,
            comment: row[`viewpoint${n + 1}Comment`] as string | null,
          }))
          .filter((v) => v.grade !== null || v.comment !== null),
        note: row.note,
        sourceDocumentId: row.sourceDocumentId,
        sourceSection: row.sourceSection,
        sourceLine: row.sourceLine,
        sourcePage: row.sourcePage,
        sourceQuote: row.sourceQuote,
      };
    });

export type ProgramSheetRow = z.output<ReturnType<typeof schemaFor>>;

/** The column each printed figure is read from (and written to by the export), by its kind. */
export const printedFigureColumns = Object.fromEntries(
  printedKinds.map((kind) => [kind, printedFigureWords[kind][0]]),
) as { [K in PrintedKind]: (typeof printedFigureWords)[K][0] } satisfies Record<
  keyof ProgramSheetRow['printed'],
  keyof typeof programSheetColumns
>;

/** The column of each printed figure's own source (`printedProgramCostSource` …), by its kind. */
export const printedFigureSourceColumns = Object.fromEntries(
  printedKinds.map((kind) => [kind, `${printedFigureWords[kind][0]}Source`]),
) as { [K in PrintedKind]: `${(typeof printedFigureWords)[K][0]}Source` };

const columnsFor = (labels: readonly string[]): ColumnSpec[] => [
  ...Object.values(programSheetColumns),
  ...viewpointColumnsOf(labels),
  ...evaluationStages.flatMap((s) => Object.values(stageColumns[s])),
  ...sourceColumnList(true),
];

const definitionFor = (labels: readonly string[]): TableDefinition<ProgramSheetRow> => ({
  kind: 'programSheets',
  sheetHints: ['program-sheets', 'programsheets', '事務事業評価', '事業評価'],
  columns: columnsFor(labels),
  schema: schemaFor(labels) as unknown as z.ZodType<ProgramSheetRow>,
  // Figures printed on 枚方市's page of its 事業仕分け (data/demo/hirakata): the demo has no program of its own,
  // so the example names a program a city would add first.
  example: {
    programTitle: '（例）地域交通対策事業',
    fiscalYear: '令和4年度',
    budgetInitial: '12,345千円',
    settlement: '11,800千円',
    firstGrade: 'B',
    nextStep: '改善',
    sourceDocumentId: 'hirakata-shiwake-taio',
  },
});

/** The table with the glossary's 観点 (必要性・妥当性・有効性・効率性・公平性). */
export const programSheetsTable: TableDefinition<ProgramSheetRow> = definitionFor(viewpointLabels);

const byLabels = new Map<string, TableDefinition<ProgramSheetRow>>([
  [viewpointLabels.join('\n'), programSheetsTable],
]);

/**
 * The table reading the 観点 an import's organizations use (their own labels, e.g. 緊急性・市民ニーズ), each label
 * once; the glossary's table when they use the glossary's.
 * @example programSheetsTableFor(['緊急性']).columns.some((c) => c.labelJa === '緊急性の所見') // true
 */
export function programSheetsTableFor(labels: readonly string[]): TableDefinition<ProgramSheetRow> {
  const unique = [...new Set(labels.map((label) => label.normalize('NFKC').trim()).filter(Boolean))];
  const key = unique.join('\n');
  let table = byLabels.get(key);
  if (table === undefined) {
    table = definitionFor(unique);
    // A server imports for a handful of organizations: a few schemas, kept.
    if (byLabels.size < 64) byLabels.set(key, table);
  }
  return table;
}
