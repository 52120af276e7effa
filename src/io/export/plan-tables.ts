/**
 * A plan flattened into the open-data tables: nodes, indicators, indicator values (基準値・目標値・実績値, long form,
 * one row per value, its `role` naming which)
 * and achievements. Every value row carries its source document and line, as the JSON does.
 */

import { appendAll } from '../../domain/append-all.ts';
import { defaultViewpoints } from '../../domain/evaluation-vocabulary.ts';
import { decidingEvaluation } from '../../domain/figures/direction-rollup.ts';
import { executionRate, totalCost } from '../../domain/figures/program-cost.ts';
import { namedFiscalYearOfDate } from '../../domain/fiscal-year.ts';
import type {
  Achievement,
  Evaluation,
  Indicator,
  IndicatorValue,
  Plan,
  PlanNode,
  ProgramFigure,
  ProgramSheet,
  SourceRef,
  ViewpointDefinition,
} from '../../domain/model.ts';
import { walkNodes } from '../../domain/plan-tree.ts';
import { parseFigureText } from '../tables/cells.ts';
import { printedFigureColumns, printedFigureSourceColumns } from '../tables/program-sheets-table.ts';
import { sourceText } from '../tables/source-text.ts';
import {
  type ExportCell,
  type ExportColumn,
  type ExportTable,
  exportColumn,
  rowsOf,
} from './export-table.ts';
import {
  achievementColumns,
  evaluationColumns,
  indicatorColumns,
  indicatorValueTableColumns,
  nodeColumns,
  programSheetColumns,
} from './table-columns.ts';

/** File and resource names; `indicator-values` was `observations` before 2026-12 (the importer reads both). */
export const planTableNames = [
  'nodes',
  'indicators',
  'indicator-values',
  'achievements',
  'program-sheets',
  'evaluations',
] as const;
export type PlanTableName = (typeof planTableNames)[number];
export type PlanTables = Record<PlanTableName, ExportTable>;

type Cells = Record<string, ExportCell | undefined>;

const sourceCells = (ref: SourceRef | undefined): Cells => ({
  sourceDocumentId: ref?.documentId,
  sourceSection: ref?.section,
  sourceLine: ref?.line,
  sourcePage: ref?.page,
  sourceQuote: ref?.quote,
});

const nodeCells = (planId: string, node: PlanNode, parent: PlanNode | null, position: number): Cells => ({
  planId,
  id: node.id,
  parentId: parent?.id,
  kind: node.kind,
  position,
  code: node.code,
  title: node.title,
  titleEn: node.titleEn,
  slogan: node.slogan,
  visionPhrase: node.visionPhrase,
  description: node.description,
  status: node.status,
  statusDate: node.statusDate,
  ...sourceCells(node.source),
});

const indicatorCells = (nodeId: string, i: Indicator): Cells => ({
  id: i.id,
  nodeId,
  name: i.name,
  nameEn: i.nameEn,
  unit: i.unit,
  kind: i.kind,
  direction: i.direction,
  cumulative: i.cumulative,
  achievementFormula: i.achievementFormula,
  baseline: i.baseline?.value,
  baselineDate: i.baseline?.date,
  target: i.target?.value,
  targetDate: i.target?.date,
  rankOf: i.target?.rankOf ?? i.baseline?.rankOf,
  description: i.description,
  // The importer takes one source per indicator row: the baseline's, which the target usually shares.
  ...sourceCells(i.baseline?.source ?? i.target?.source),
});

type Role = 'baseline' | 'target' | 'observation';

const valueCells = (nodeId: string, i: Indicator, role: Role, v: IndicatorValue): Cells => ({
  indicatorId: i.id,
  nodeId,
  indicatorName: i.name,
  role,
  date: v.date,
  // None for "before" dates (就任前), which name no single year.
  fiscalYear: namedFiscalYearOfDate(v.date),
  value: v.value,
  unit: i.unit,
  qualifier: v.qualifier,
  outOf: v.outOf,
  rankOf: v.rankOf,
  text: v.text,
  note: v.note,
  ...sourceCells(v.source),
});

const valueRows = (nodeId: string, i: Indicator): Cells[] => [
  ...(i.baseline ? [valueCells(nodeId, i, 'baseline', i.baseline)] : []),
  ...(i.target ? [valueCells(nodeId, i, 'target', i.target)] : []),
  ...i.observations.map((o) => valueCells(nodeId, i, 'observation', o)),
];

const achievementCells = (nodeId: string, a: Achievement): Cells => ({
  id: a.id,
  nodeId,
  title: a.title,
  date: a.date,
  dateBasis: a.dateBasis,
  highlight: a.highlight,
  details: a.details.length > 0 ? a.details.join('\n') : null,
  note: a.note,
  ...sourceCells(a.source),
});

const evaluationCells = (planId: string, nodeId: string | null, e: Evaluation): Cells => ({
  id: e.id,
  planId,
  nodeId,
  fiscalYear: e.fiscalYear,
  stage: e.stage,
  evaluatorKind: e.evaluatorKind,
  evaluatorName: e.evaluatorName,
  evaluatedAt: e.evaluatedAt,
  scale: e.scale,
  grade: e.grade,
  score: e.score,
  maxScore: e.maxScore,
  scoreUnit: e.scoreUnit,
  nextStep: e.nextStep,
  budgetEffectDirection: e.budgetEffect?.direction,
  budgetEffectAmount: e.budgetEffect?.amount,
  comment: e.comment,
  signedBy: e.signedBy,
  signedAt: e.signedAt,
  ...sourceCells(e.source),
});

const stageCells = (evaluations: readonly Evaluation[], fiscalYear: number): Cells => {
  const cells: Cells = {};
  for (const stage of ['first', 'second', 'external', 'final'] as const) {
    const e = evaluations.find((x) => x.fiscalYear === fiscalYear && x.stage === stage);
    cells[`${stage}Grade`] = e?.grade;
    cells[`${stage}Score`] = e?.score;
    cells[`${stage}NextStep`] = e?.nextStep;
    cells[`${stage}SignedBy`] = e?.signedBy;
  }
  cells.budgetEffect = decidingEvaluation(evaluations, fiscalYear)?.budgetEffect?.amount;
  return cells;
};

/** The 観点 of the 一次評価 of the year, a grade and a comment column per viewpoint, headed by the organization's labels. */
const viewpointCells = (
  evaluations: readonly Evaluation[],
  fiscalYear: number,
  viewpoints: readonly ViewpointDefinition[],
): Cells => {
  const first = evaluations.find((e) => e.fiscalYear === fiscalYear && e.stage === 'first');
  const cells: Cells = {};
  for (const v of viewpoints) {
    const graded = first?.viewpoints?.find((g) => g.viewpoint === v.code);
    cells[v.label] = graded?.grade;
    cells[`${v.label}の所見`] = graded?.comment;
  }
  return cells;
};

/** The program-sheets table's columns with the organization's 観点, which the importer reads back by their labels. */
export function programSheetColumnsFor(viewpoints: readonly ViewpointDefinition[]): readonly ExportColumn[] {
  const at = programSheetColumns.findIndex((col) => col.name === 'budgetEffect');
  return [
    ...programSheetColumns.slice(0, at),
    ...viewpoints.flatMap((v) => [
      exportColumn(v.label, v.label, 'string', `一次評価の観点「${v.label}」の評価`, `grade on ${v.labelEn}`),
      exportColumn(
        `${v.label}の所見`,
        `${v.label}の所見`,
        'string',
        `観点「${v.label}」の所見`,
        `comment on ${v.labelEn}`,
      ),
    ]),
    ...programSheetColumns.slice(at),
  ];
}

/**
 * A sheet's printed figures in the columns the import reads them from: the words as printed when they read back as
 * the stored value (「3,937千円」), else the value itself (yen for amounts), so the round trip keeps the number.
 */
function printedCells(reported: readonly ProgramFigure[]): Cells {
  const cells: Cells = {};
  for (const figure of reported) {
    const kind = figure.kind as keyof typeof printedFigureColumns;
    const column = printedFigureColumns[kind];
    if (column === undefined) continue;
    cells[column] = parseFigureText(figure.text)?.value === figure.value ? figure.text : String(figure.value);
    // A figure printed elsewhere than the sheet's own source keeps its line: 「資料: … / 行: 84 / 引用: …」.
    if (figure.source !== undefined) cells[printedFigureSourceColumns[kind]] = sourceText(figure.source);
  }
  return cells;
}

const sheetCells = (node: PlanNode, s: ProgramSheet, viewpoints: readonly ViewpointDefinition[]): Cells => {
  const total = totalCost(s);
  const rate = executionRate(s);
  const lines = (ids: string[]) => (ids.length > 0 ? ids.join('\n') : null);
  return {
    id: s.id,
    nodeId: node.id,
    programTitle: node.title,
    department: node.department,
    fiscalYear: s.fiscalYear,
    target: s.target,
    intent: s.intent,
    means: s.means,
    targetIndicatorIds: lines(s.targetIndicatorIds),
    activityIndicatorIds: lines(s.activityIndicatorIds),
    outcomeIndicatorIds: lines(s.outcomeIndicatorIds),
    unitCostIndicatorId: s.unitCostIndicatorId,
    budgetInitial: s.budgetInitial,
    budgetSupplementary: s.budgetSupplementary,
    budgetFinal: s.budgetFinal,
    settlement: s.settlement,
    fundingNational: s.fundingNational,
    fundingPrefectural: s.fundingPrefectural,
    fundingBonds: s.fundingBonds,
    fundingOther: s.fundingOther,
    fundingGeneral: s.fundingGeneral,
    personnelCost: s.personnelCost,
    staffYears: s.staffYears,
    averageSalary: s.averageSalary,
    otherCost: s.otherCost,
    otherCostLabel: s.otherCostLabel,
    totalCost: total.value,
    executionRate: rate.value,
    ...printedCells(s.reported),
    ...stageCells(node.evaluations, s.fiscalYear),
    ...viewpointCells(node.evaluations, s.fiscalYear, viewpoints),
    note: s.note,
    ...sourceCells(s.source),
  };
};

/**
 * The six tables of one plan, rows in tree order.
 * @example planTables(plan)['indicator-values'].rows.length // baselines + targets + observations
 */
export function planTables(
  plan: Plan,
  viewpoints: readonly ViewpointDefinition[] = defaultViewpoints,
): PlanTables {
  const sheetColumns = programSheetColumnsFor(viewpoints);
  const records = {
    nodes: [] as Cells[],
    indicators: [] as Cells[],
    values: [] as Cells[],
    achievements: [] as Cells[],
    programSheets: [] as Cells[],
    evaluations: plan.evaluations.map((e) => evaluationCells(plan.id, null, e)),
  };
  for (const { node, parent, path } of walkNodes(plan.nodes)) {
    // Positions count from 1 among siblings, as the importer reads them.
    records.nodes.push(nodeCells(plan.id, node, parent, Number(path.at(-1)) + 1));
    for (const i of node.indicators) {
      records.indicators.push(indicatorCells(node.id, i));
      appendAll(records.values, valueRows(node.id, i));
    }
    for (const a of node.achievements) records.achievements.push(achievementCells(node.id, a));
    for (const s of node.programSheets) records.programSheets.push(sheetCells(node, s, viewpoints));
    for (const e of node.evaluations) records.evaluations.push(evaluationCells(plan.id, node.id, e));
  }
  return {
    nodes: {
      name: 'nodes',
      title: 'ノード (柱・施策・事業)',
      columns: nodeColumns,
      rows: rowsOf(nodeColumns, records.nodes),
      primaryKey: ['id'],
      foreignKeys: [{ fields: 'parentId', reference: { resource: 'nodes', fields: 'id' } }],
    },
    indicators: {
      name: 'indicators',
      title: '指標',
      columns: indicatorColumns,
      rows: rowsOf(indicatorColumns, records.indicators),
      primaryKey: ['id'],
      foreignKeys: [{ fields: 'nodeId', reference: { resource: 'nodes', fields: 'id' } }],
    },
    'indicator-values': valuesTable('indicator-values', records.values),
    achievements: {
      name: 'achievements',
      title: '取り組み実績',
      columns: achievementColumns,
      rows: rowsOf(achievementColumns, records.achievements),
      primaryKey: ['id'],
      foreignKeys: [{ fields: 'nodeId', reference: { resource: 'nodes', fields: 'id' } }],
    },
    'program-sheets': {
      name: 'program-sheets',
      title: '事務事業評価 (事業・年度ごとの予算・決算・コストと評価)',
      columns: sheetColumns,
      rows: rowsOf(sheetColumns, records.programSheets),
      primaryKey: ['id'],
      foreignKeys: [{ fields: 'nodeId', reference: { resource: 'nodes', fields: 'id' } }],
    },
    evaluations: {
      name: 'evaluations',
      title: '評価 (一次評価・二次評価・外部評価・最終判断、計画自体の評価)',
      columns: evaluationColumns,
      rows: rowsOf(evaluationColumns, records.evaluations),
      primaryKey: ['id'],
      foreignKeys: [{ fields: 'nodeId', reference: { resource: 'nodes', fields: 'id' } }],
    },
  };
}

function valuesTable(name: string, records: Cells[], linked = true): ExportTable {
  return {
    name,
    title: '基準値・目標値・実績値',
    columns: indicatorValueTableColumns,
    rows: rowsOf(indicatorValueTableColumns, records),
    ...(linked && {
      foreignKeys: [
        { fields: 'indicatorId', reference: { resource: 'indicators', fields: 'id' } },
        { fields: 'nodeId', reference: { resource: 'nodes', fields: 'id' } },
      ],
    }),
  };
}

/**
 * One indicator's baseline, target and observations, for the download on its page.
 * @example indicatorValuesTable('mirai-2016.p1.finance', indicator).rows[0][3] // 'baseline'
 */
export function indicatorValuesTable(nodeId: string, indicator: Indicator): ExportTable {
  return valuesTable(`indicator-values-${indicator.id}`, valueRows(nodeId, indicator), false);
}
