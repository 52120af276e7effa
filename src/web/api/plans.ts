/**
 * `GET /api/v1/plans` (optionally `?organization=` an id or 団体コード, or as `/api/v1/o/{organization}/plans`),
 * `/plans/{id}`, `/plans/{id}/indicators` and `/plans/{id}/evaluations` (行政評価).
 */
import { type Context, Hono } from 'hono';
import { summarizePlan } from '../../domain/figures/index.ts';
import { indicatorKinds, planKinds } from '../../domain/model.ts';
import { organizationByReference } from '../../domain/organization-ref.ts';
import { statusVocabularyOf } from '../../domain/status.ts';
import { notFound } from '../http-error.ts';
import { enumQuery, idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { type GetPlanEvaluationsResponse, planEvaluationsView } from './evaluation-views.ts';
import type { GetPlanResponse, ListPlanIndicatorsResponse, ListPlansResponse } from './responses.ts';
import { indicatorViews, planListItem, planNodeView } from './views.ts';

const plans = new Hono<WebEnv>();

/** The plans, of one organization when `reference` (its id or 団体コード) is given: a 404 names an unknown one. */
export async function listPlansOf(c: Context<WebEnv>, reference: string | undefined) {
  const kind = enumQuery(c, 'kind', planKinds);
  const organization =
    reference === undefined
      ? undefined
      : organizationByReference(await c.var.store.listOrganizations(), reference);
  if (reference !== undefined && !organization) throw notFound('団体', 'organization', reference);
  const selected = (await c.var.store.listPlans()).filter(
    (plan) =>
      (kind === undefined || plan.kind === kind) &&
      (organization === undefined || plan.organization.id === organization.id),
  );
  const body: ListPlansResponse = { plans: selected.map(planListItem) };
  return c.json(body);
}

plans.get('/', async (c) => {
  onlyQueries(c, ['kind', 'organization']);
  return listPlansOf(c, c.req.query('organization'));
});

plans.get('/:id', async (c) => {
  onlyQueries(c, []);
  const id = idParam(c);
  const found = await c.var.store.getPlan(id);
  if (!found) throw notFound('計画', 'plan', id);
  const { nodes, ...plan } = found;
  const body: GetPlanResponse = {
    plan,
    nodes: nodes.map((node) => planNodeView(node, found)),
    statusVocabulary: [...statusVocabularyOf(found)],
    summary: summarizePlan(found),
  };
  return c.json(body);
});

plans.get('/:id/indicators', async (c) => {
  onlyQueries(c, ['kind']);
  const id = idParam(c);
  const kind = enumQuery(c, 'kind', indicatorKinds);
  const plan = await c.var.store.getPlan(id);
  if (!plan) throw notFound('計画', 'plan', id);
  const body: ListPlanIndicatorsResponse = { indicators: indicatorViews(plan.nodes, plan, kind) };
  return c.json(body);
});

plans.get('/:id/evaluations', async (c) => {
  onlyQueries(c, []);
  const id = idParam(c);
  const plan = await c.var.store.getPlan(id);
  if (!plan) throw notFound('計画', 'plan', id);
  const organization = (await c.var.store.listOrganizations()).find((o) => o.id === plan.organization.id);
  const body: GetPlanEvaluationsResponse = planEvaluationsView(plan, {
    evaluationViewpoints: organization?.evaluationViewpoints ?? null,
    nextStepVocabulary: organization?.nextStepVocabulary ?? null,
  });
  return c.json(body);
});

export default plans;
