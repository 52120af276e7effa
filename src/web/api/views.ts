/**
 * The JSON API's response shapes, described once in zod and built from the domain model's records. The types
 * below are derived from the schemas, and the OpenAPI document (openapi.ts) is generated from the same schemas.
 */
import { z } from 'zod';
import { type FiguresPlan, indicatorFigures } from '../../domain/figures/index.ts';
import { fiscalYearOfDate } from '../../domain/fiscal-year.ts';
import {
  type Indicator,
  indicatorSchema,
  nodeKinds,
  nodeSchema,
  type Observation,
  observationSchema,
  organizationSchema,
  type PlanNode,
  planSchema,
  recordId,
} from '../../domain/model.ts';
import { indicatorsOf, latestObservation } from '../../domain/plan-tree.ts';
import type { PlanHeader } from '../../store/read-store.ts';
import { indicatorFiguresSchema } from './figure-schemas.ts';

/** One row of `GET /api/v1/plans`. */
export const planListItemSchema = planSchema
  .pick({ id: true, title: true, kind: true, periodStart: true, periodEnd: true, publishedAt: true })
  .extend({ organization: organizationSchema.pick({ name: true, municipalityCode: true }) });
export type PlanListItem = z.infer<typeof planListItemSchema>;

/** The plan of `GET /api/v1/plans/{id}`: its header and statements with its organization; the tree is beside it. */
export const planDetailSchema = planSchema
  .omit({ nodes: true })
  .extend({ organization: organizationSchema.pick({ id: true, name: true, municipalityCode: true }) });
export type PlanDetail = z.infer<typeof planDetailSchema>;

/** An observation with the fiscal year of its date, and the whole or field its value is a share or place of. */
export const observationViewSchema = observationSchema
  .pick({ date: true, value: true, outOf: true, rankOf: true, source: true })
  .extend({ fiscalYear: z.number().int().nullable() });
export type ObservationView = z.infer<typeof observationViewSchema>;

/** One indicator of `GET /api/v1/plans/{id}/indicators`, with its latest observation (or null) and figures. */
export const indicatorViewSchema = indicatorSchema
  .pick({ id: true, name: true, kind: true, unit: true, direction: true, baseline: true, target: true })
  .extend({
    nodeId: recordId,
    observations: z.array(observationViewSchema),
    latest: observationViewSchema.nullable(),
    figures: indicatorFiguresSchema,
  });
export type IndicatorView = z.infer<typeof indicatorViewSchema>;

/** An indicator in the model's shape plus its figures, as the trees of `/plans/{id}` and `/nodes/{id}` carry it. */
export const indicatorWithFiguresSchema = indicatorSchema.extend({ figures: indicatorFiguresSchema });
export type IndicatorWithFigures = z.infer<typeof indicatorWithFiguresSchema>;

export type PlanNodeView = Omit<PlanNode, 'indicators' | 'children'> & {
  indicators: IndicatorWithFigures[];
  children: PlanNodeView[];
};

// The model's node fields; children are replaced below by nodes in this view's shape.
const { children: _children, ...nodeFields } = nodeSchema.shape;

/** The node in the model's shape with every indicator of its subtree carrying `figures`. */
export const planNodeViewSchema: z.ZodType<PlanNodeView> = z.object({
  ...nodeFields,
  indicators: z.array(indicatorWithFiguresSchema),
  get children() {
    return z.array(planNodeViewSchema);
  },
});

/** A node of another plan that a node carries on, or that carries it on. */
export const nodeLinkSchema = z.object({
  id: recordId,
  title: z.string(),
  kind: z.enum(nodeKinds),
  planId: recordId,
  planTitle: z.string(),
});

/** A node above the one asked for, from the pillar down. */
export const ancestorSchema = z.object({
  id: recordId,
  kind: z.enum(nodeKinds),
  code: z.string().optional(),
  title: z.string(),
});

export function planListItem(plan: PlanHeader): PlanListItem {
  return {
    id: plan.id,
    title: plan.title,
    kind: plan.kind,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    publishedAt: plan.publishedAt,
    organization: { name: plan.organization.name, municipalityCode: plan.organization.municipalityCode },
  };
}

export function observationView(observation: Observation): ObservationView {
  return {
    date: observation.date,
    fiscalYear: fiscalYearOfDate(observation.date),
    value: observation.value,
    outOf: observation.outOf,
    rankOf: observation.rankOf,
    source: observation.source,
  };
}

/** One indicator with its node, observations, latest observation and every figure the engine computes. */
export function indicatorView(
  indicator: Indicator,
  node: Pick<PlanNode, 'id'>,
  plan: FiguresPlan,
): IndicatorView {
  const latest = latestObservation(indicator);
  return {
    id: indicator.id,
    nodeId: node.id,
    name: indicator.name,
    kind: indicator.kind,
    unit: indicator.unit,
    direction: indicator.direction,
    baseline: indicator.baseline,
    target: indicator.target,
    observations: indicator.observations.map(observationView),
    latest: latest === null ? null : observationView(latest),
    figures: indicatorFigures(indicator, plan),
  };
}

export function indicatorWithFigures(indicator: Indicator, plan: FiguresPlan): IndicatorWithFigures {
  return { ...indicator, figures: indicatorFigures(indicator, plan) };
}

export function planNodeView(node: PlanNode, plan: FiguresPlan): PlanNodeView {
  return {
    ...node,
    indicators: node.indicators.map((indicator) => indicatorWithFigures(indicator, plan)),
    children: node.children.map((child) => planNodeView(child, plan)),
  };
}
