/** `GET /api/v1/plans`, `/plans/{id}`, `/plans/{id}/indicators` and `/plans/{id}/evaluations` (行政評価). */
import { Hono } from 'hono';
import { summarizePlan } from '../../domain/figures/index.ts';
import { indicatorKinds, planKinds } from '../../domain/model.ts';
import { statusVocabularyOf } from '../../domain/status.ts';
import { notFound } from '../http-error.ts';
import { enumQuery, idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { type GetPlanEvaluationsResponse, planEvaluationsView } from './evaluation-views.ts';
import type { GetPlanResponse, ListPlanIndicatorsResponse, ListPlansResponse } from './responses.ts';
import { indicatorViews, planListItem, planNodeView } from './views.ts';

const plans = new Hono<WebEnv>();

plans.get('/', async (c) => {
  onlyQueries(c, ['kind']);
  const kind = enumQuery(c, 'kind', planKinds);
  const all = await c.var.store.listPlans();
  const selected = kind === undefined ? all : all.filter((plan) => plan.kind === kind);
  const body: ListPlansResponse = { plans: selected.map(planListItem) };
  return c.json(body);
});

plans.get('/:id', async (c) => {
  onlyQueries(c, []);
  const id = idParam(c);
  const found = await c.var.store.getPlan(id);
  if (!found) throw notFound('計画', 'plan', id);
  const { nodes, organization, ...plan } = found;
  const body: GetPlanResponse = {
    // The documented organization: the pages' English name (nameEn) is not part of this response.
    plan: {
      ...plan,
      organization: {
        id: organization.id,
        name: organization.name,
        municipalityCode: organization.municipalityCode,
      },
    },
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
