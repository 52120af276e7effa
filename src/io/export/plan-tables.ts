/**
 * A plan flattened into the open-data tables: nodes, indicators, indicator values (基準値・目標値・実績値, long form,
 * one row per value, its `role` naming which)
 * and achievements. Every value row carries its source document and line, as the JSON does.
 */

import { appendAll } from '../../domain/append-all.ts';
import { namedFiscalYearOfDate } from '../../domain/fiscal-year.ts';
import type {
  Achievement,
  Indicator,
  IndicatorValue,
  Plan,
  PlanNode,
  SourceRef,
} from '../../domain/model.ts';
import { walkNodes } from '../../domain/plan-tree.ts';
import { type ExportCell, type ExportTable, rowsOf } from './export-table.ts';
import {
  achievementColumns,
  indicatorColumns,
  indicatorValueTableColumns,
  nodeColumns,
} from './table-columns.ts';

/** File and resource names; `indicator-values` was `observations` before 2026-12 (the importer reads both). */
export const planTableNames = ['nodes', 'indicators', 'indicator-values', 'achievements'] as const;
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

/**
 * The four tables of one plan, rows in tree order.
 * @example planTables(plan)['indicator-values'].rows.length // baselines + targets + observations
 */
export function planTables(plan: Plan): PlanTables {
  const records = {
    nodes: [] as Cells[],
    indicators: [] as Cells[],
    values: [] as Cells[],
    achievements: [] as Cells[],
  };
  for (const { node, parent, path } of walkNodes(plan.nodes)) {
    // Positions count from 1 among siblings, as the importer reads them.
    records.nodes.push(nodeCells(plan.id, node, parent, Number(path.at(-1)) + 1));
    for (const i of node.indicators) {
      records.indicators.push(indicatorCells(node.id, i));
      appendAll(records.values, valueRows(node.id, i));
    }
    for (const a of node.achievements) records.achievements.push(achievementCells(node.id, a));
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
