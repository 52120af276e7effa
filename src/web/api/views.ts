/** The JSON API's response shapes, built from the domain model's records. */
import { type FiguresPlan, indicatorFigures } from '../../domain/figures/index.ts';
import type { Indicator, Observation, PlanNode } from '../../domain/model.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import type { PlanHeader } from '../../store/read-store.ts';
import { indicatorsOf, latestObservation } from '../plan-tree.ts';

/** One row of `GET /api/v1/plans`. */
export function planListItem(plan: PlanHeader) {
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

export function observationView(observation: Observation) {
  const date = observation.date === null ? null : parsePartialDate(observation.date);
  return {
    date: observation.date,
    fiscalYear: date?.fiscalYear ?? null,
    value: observation.value,
    source: observation.source,
  };
}

/** The engine's figures an indicator shows, as the API returns them (each a FigureResult, unchanged). */
export function figuresView(indicator: Indicator, plan: FiguresPlan) {
  const { ratio, percentChange, pointChange, difference, achievementRate, rating } = indicatorFigures(
    indicator,
    plan,
  );
  return { ratio, percentChange, pointChange, difference, achievementRate, rating };
}

/** One indicator of `GET /api/v1/plans/{id}/indicators`, with its latest observation (or null) and figures. */
export function indicatorView(indicator: Indicator, node: Pick<PlanNode, 'id'>, plan: FiguresPlan) {
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
    figures: figuresView(indicator, plan),
  };
}

/** An indicator in the model's shape plus its figures, as the trees of `/plans/{id}` and `/nodes/{id}` carry it. */
export function indicatorWithFigures(indicator: Indicator, plan: FiguresPlan) {
  return { ...indicator, figures: figuresView(indicator, plan) };
}

export type PlanNodeView = Omit<PlanNode, 'indicators' | 'children'> & {
  indicators: ReturnType<typeof indicatorWithFigures>[];
  children: PlanNodeView[];
};

/** The node in the model's shape with every indicator of its subtree carrying `figures`. */
export function planNodeView(node: PlanNode, plan: FiguresPlan): PlanNodeView {
  return {
    ...node,
    indicators: node.indicators.map((indicator) => indicatorWithFigures(indicator, plan)),
    children: node.children.map((child) => planNodeView(child, plan)),
  };
}

export function indicatorViews(nodes: readonly PlanNode[], plan: FiguresPlan, kind?: Indicator['kind']) {
  return indicatorsOf(nodes)
    .filter(({ indicator }) => kind === undefined || indicator.kind === kind)
    .map(({ node, indicator }) => indicatorView(indicator, node, plan));
}
