/**
 * Flattens an OrganizationDocument into table rows, in the order they can be inserted (parents before children).
 * Source references get generated ids (time-ordered, see time-ordered-id.ts); indicator values and reported figures get ids containing ':' so they can
 * never clash with a model id (recordId allows no ':').
 */
import type { Insertable } from 'kysely';
import type {
  Achievement,
  Evaluation,
  Indicator,
  IndicatorValue,
  OrganizationDocument,
  Plan,
  PlanNode,
  ProgramSheet,
  SourceRef,
} from '../domain/model.ts';
import { achievementToRow } from './records/achievement-rows.ts';
import { documentToRow, organizationToRow } from './records/document-rows.ts';
import { evaluationToRow } from './records/evaluation-rows.ts';
import { indicatorToRow } from './records/indicator-rows.ts';
import { indicatorValueToRow } from './records/indicator-value-rows.ts';
import { nodeToRow } from './records/node-rows.ts';
import { planToRow } from './records/plan-rows.ts';
import { programSheetToRow } from './records/program-sheet-rows.ts';
import { reportedFigureToRow } from './records/reported-figure-rows.ts';
import { sourceToRow } from './records/source-rows.ts';
import { statementToRow } from './records/statement-rows.ts';
import type { Database } from './schema.ts';
import { timeOrderedId } from './time-ordered-id.ts';

export type DatasetRows = { [T in keyof Database]: Insertable<Database[T]>[] };

/** Tables in insertion order: every foreign key points to a table listed earlier. */
export const insertionOrder = [
  'organization',
  'source_document',
  'source',
  'plan',
  'plan_statement',
  'node',
  'node_link',
  'achievement',
  'evaluation',
  'indicator',
  'indicator_value',
  'reported_figure',
  'program_sheet',
] as const satisfies readonly (keyof Database)[];

/** The separator of generated ids; recordId never contains it. */
export const generatedIdSeparator = ':';

function emptyRows(): DatasetRows {
  return Object.fromEntries(insertionOrder.map((table) => [table, []])) as unknown as DatasetRows;
}

class RowCollector {
  readonly rows = emptyRows();
  private readonly stamp: { created_at: string; updated_at: string };

  constructor(now: string) {
    this.stamp = { created_at: now, updated_at: now };
  }

  source(ref: SourceRef): string {
    const id = timeOrderedId();
    this.rows.source.push({ id, ...sourceToRow(ref), ...this.stamp });
    return id;
  }

  document(doc: OrganizationDocument): void {
    const o = doc.organization;
    this.rows.organization.push({ ...organizationToRow(o), ...this.stamp });
    doc.documents.forEach((d, position) => {
      this.rows.source_document.push({ ...documentToRow(d, o.id, position), ...this.stamp });
    });
    for (const plan of doc.plans) this.plan(o.id, plan);
  }

  plan(organizationId: string, plan: Plan): void {
    this.rows.plan.push({
      id: plan.id,
      ...planToRow({ ...plan, organizationId }),
      source_id: this.source(plan.source),
      ...this.stamp,
    });
    plan.statements.forEach((s, position) => {
      this.rows.plan_statement.push({
        id: s.id,
        ...statementToRow(s, plan.id, position),
        source_id: this.source(s.source),
        ...this.stamp,
      });
    });
    for (const [position, node] of plan.nodes.entries()) this.node(plan.id, null, position, node);
    for (const [i, e] of plan.evaluations.entries()) this.evaluation(plan.id, null, i, e);
  }

  node(planId: string, parentId: string | null, position: number, node: PlanNode): void {
    this.rows.node.push({
      id: node.id,
      ...nodeToRow({ ...node, planId, parentId, position }),
      status_source_id: node.statusSource ? this.source(node.statusSource) : null,
      source_id: node.source ? this.source(node.source) : null,
      ...this.stamp,
    });
    node.continues.forEach((continuesNodeId, i) => {
      this.rows.node_link.push({ node_id: node.id, continues_node_id: continuesNodeId, position: i });
    });
    for (const [i, a] of node.achievements.entries()) this.achievement(node.id, i, a);
    for (const [i, e] of node.evaluations.entries()) this.evaluation(planId, node.id, i, e);
    for (const [i, sheet] of node.programSheets.entries()) this.programSheet(node.id, i, sheet);
    for (const [i, indicator] of node.indicators.entries()) this.indicator(node.id, i, indicator);
    for (const [i, child] of node.children.entries()) this.node(planId, node.id, i, child);
  }

  achievement(nodeId: string, position: number, a: Achievement): void {
    this.rows.achievement.push({
      id: a.id,
      ...achievementToRow({ ...a, nodeId, position }),
      source_id: this.source(a.source),
      ...this.stamp,
    });
  }

  /** An evaluation of a node, or of the plan itself when nodeId is null. */
  evaluation(planId: string, nodeId: string | null, position: number, e: Evaluation): void {
    this.rows.evaluation.push({
      id: e.id,
      ...evaluationToRow({ ...e, nodeId, planId, position }),
      source_id: this.source(e.source),
      ...this.stamp,
    });
  }

  programSheet(nodeId: string, position: number, sheet: ProgramSheet): void {
    this.rows.program_sheet.push({
      id: sheet.id,
      ...programSheetToRow({ ...sheet, nodeId, position }),
      source_id: this.source(sheet.source),
      ...this.stamp,
    });
  }

  indicator(nodeId: string, position: number, indicator: Indicator): void {
    this.rows.indicator.push({
      id: indicator.id,
      ...indicatorToRow({ ...indicator, nodeId, position }),
      ...this.stamp,
    });
    const sep = generatedIdSeparator;
    if (indicator.baseline)
      this.value(indicator.id, `${indicator.id}${sep}baseline`, 'baseline', 0, indicator.baseline);
    if (indicator.target)
      this.value(indicator.id, `${indicator.id}${sep}target`, 'target', 0, indicator.target);
    indicator.observations.forEach((o, i) => {
      this.value(indicator.id, o.id ?? `${indicator.id}${sep}observation${sep}${i}`, 'observation', i, o);
    });
    indicator.reported.forEach((r, i) => {
      this.rows.reported_figure.push({
        id: `${indicator.id}${sep}reported${sep}${i}`,
        ...reportedFigureToRow(r, indicator.id, i),
        source_id: this.source(r.source),
        ...this.stamp,
      });
    });
  }

  value(
    indicatorId: string,
    id: string,
    role: 'baseline' | 'target' | 'observation',
    position: number,
    v: IndicatorValue,
  ): void {
    this.rows.indicator_value.push({
      id,
      ...indicatorValueToRow({ ...v, id, indicatorId, role, position }),
      source_id: this.source(v.source),
      ...this.stamp,
    });
  }
}

/** Rows for a whole dataset, e.g. `datasetRows(doc).node.length` is the number of nodes. */
export function datasetRows(doc: OrganizationDocument, now = new Date().toISOString()): DatasetRows {
  const collector = new RowCollector(now);
  collector.document(doc);
  return collector.rows;
}
