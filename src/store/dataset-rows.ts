/**
 * Flattens an OrganizationDocument into table rows, in the order they can be inserted (parents before children).
 * Source references get generated ids; indicator values and reported figures get ids containing ':' so they can
 * never clash with a model id (recordId allows no ':').
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type {
  Achievement,
  Evaluation,
  Indicator,
  OrganizationDocument,
  Plan,
  PlanNode,
  SourceRef,
  ValuePoint,
} from '../domain/model.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import type { Database } from './schema.ts';
import { fromBoolean } from './values.ts';

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
    const id = randomUUID();
    this.rows.source.push({
      id,
      document_id: ref.documentId,
      section: ref.section ?? null,
      line: ref.line ?? null,
      page: ref.page ?? null,
      quote: ref.quote ?? null,
      url: ref.url ?? null,
      ...this.stamp,
    });
    return id;
  }

  document(doc: OrganizationDocument): void {
    const o = doc.organization;
    this.rows.organization.push({
      id: o.id,
      name: o.name,
      name_en: o.nameEn ?? null,
      kind: o.kind,
      municipality_code: o.municipalityCode,
      prefecture: o.prefecture ?? null,
      url: o.url ?? null,
      ...this.stamp,
    });
    doc.documents.forEach((d, position) => {
      this.rows.source_document.push({
        id: d.id,
        organization_id: o.id,
        position,
        title: d.title,
        publisher: d.publisher ?? null,
        published_at: d.publishedAt,
        file: d.file ?? null,
        url: d.url ?? null,
        note: d.note ?? null,
        ...this.stamp,
      });
    });
    for (const plan of doc.plans) this.plan(o.id, plan);
  }

  plan(organizationId: string, plan: Plan): void {
    this.rows.plan.push({
      id: plan.id,
      organization_id: organizationId,
      title: plan.title,
      title_en: plan.titleEn ?? null,
      subtitle: plan.subtitle ?? null,
      kind: plan.kind,
      period_start: plan.periodStart,
      period_end: plan.periodEnd,
      published_at: plan.publishedAt,
      published_on: parsePartialDate(plan.publishedAt)?.start ?? plan.publishedAt,
      summary: plan.summary ?? null,
      source_id: this.source(plan.source),
      status_vocabulary: plan.statusVocabulary === null ? null : JSON.stringify(plan.statusVocabulary),
      achievement_formula: plan.achievementFormula,
      rating_scale: plan.ratingScale === null ? null : JSON.stringify(plan.ratingScale),
      follows: plan.follows,
      ...this.stamp,
    });
    plan.statements.forEach((s, position) => {
      this.rows.plan_statement.push({
        id: s.id,
        plan_id: plan.id,
        position,
        kind: s.kind,
        code: s.code ?? null,
        title: s.title,
        body: s.body ?? null,
        source_id: this.source(s.source),
        ...this.stamp,
      });
    });
    for (const [position, node] of plan.nodes.entries()) this.node(plan.id, null, position, node);
  }

  node(planId: string, parentId: string | null, position: number, node: PlanNode): void {
    this.rows.node.push({
      id: node.id,
      plan_id: planId,
      parent_id: parentId,
      position,
      kind: node.kind,
      code: node.code ?? null,
      title: node.title,
      title_en: node.titleEn ?? null,
      slogan: node.slogan ?? null,
      vision_phrase: node.visionPhrase ?? null,
      description: node.description ?? null,
      status: node.status,
      status_date: node.statusDate,
      status_source_id: node.statusSource ? this.source(node.statusSource) : null,
      source_id: node.source ? this.source(node.source) : null,
      ...this.stamp,
    });
    node.continues.forEach((continuesNodeId, i) => {
      this.rows.node_link.push({ node_id: node.id, continues_node_id: continuesNodeId, position: i });
    });
    for (const [i, a] of node.achievements.entries()) this.achievement(node.id, i, a);
    for (const [i, e] of node.evaluations.entries()) this.evaluation(node.id, i, e);
    for (const [i, indicator] of node.indicators.entries()) this.indicator(node.id, i, indicator);
    for (const [i, child] of node.children.entries()) this.node(planId, node.id, i, child);
  }

  achievement(nodeId: string, position: number, a: Achievement): void {
    this.rows.achievement.push({
      id: a.id,
      node_id: nodeId,
      position,
      title: a.title,
      date: a.date,
      date_basis: a.dateBasis,
      highlight: fromBoolean(a.highlight),
      details: JSON.stringify(a.details),
      note: a.note ?? null,
      source_id: this.source(a.source),
      ...this.stamp,
    });
  }

  evaluation(nodeId: string, position: number, e: Evaluation): void {
    this.rows.evaluation.push({
      id: e.id,
      node_id: nodeId,
      position,
      fiscal_year: e.fiscalYear,
      evaluated_at: e.evaluatedAt,
      evaluator_kind: e.evaluatorKind,
      evaluator_name: e.evaluatorName,
      scale: e.scale,
      grade: e.grade,
      score: e.score,
      max_score: e.maxScore,
      comment: e.comment ?? null,
      next_step: e.nextStep,
      source_id: this.source(e.source),
      ...this.stamp,
    });
  }

  indicator(nodeId: string, position: number, indicator: Indicator): void {
    this.rows.indicator.push({
      id: indicator.id,
      node_id: nodeId,
      position,
      name: indicator.name,
      name_en: indicator.nameEn ?? null,
      unit: indicator.unit,
      kind: indicator.kind,
      direction: indicator.direction,
      cumulative: fromBoolean(indicator.cumulative),
      highlight: fromBoolean(indicator.highlight),
      achievement_formula: indicator.achievementFormula,
      description: indicator.description ?? null,
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
        indicator_id: indicator.id,
        position: i,
        kind: r.kind,
        value: r.value,
        unit: r.unit,
        text: r.text,
        date: r.date,
        qualifier: r.qualifier,
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
    v: ValuePoint,
  ): void {
    this.rows.indicator_value.push({
      id,
      indicator_id: indicatorId,
      role,
      position,
      value: v.value,
      text: v.text ?? null,
      date: v.date,
      fiscal_year: v.date === null ? null : (parsePartialDate(v.date)?.fiscalYear ?? null),
      qualifier: v.qualifier,
      out_of: v.outOf,
      rank_of: v.rankOf,
      source_id: this.source(v.source),
      note: v.note ?? null,
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
