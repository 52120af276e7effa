/**
 * `GET /api/v1/plans` (optionally `?organization=` an id or 団体コード, or as `/api/v1/o/{organization}/plans`),
 * `/plans/{id}`, `/plans/{id}/indicators` and `/plans/{id}/evaluations` (行政評価).
 */
import { type Context, Hono } from 'hono';
import { summarizePlan } from '../../domain/figures/index.ts';
import { indicatorKinds, planKinds } from '../../domain/model.ts';
import { statusVocabularyOf } from '../../domain/status.ts';
import { badRequest, notFound } from '../http-error.ts';
import { enumQuery, idParam, intQuery, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { type GetPlanEvaluationsResponse, planEvaluationsView } from './evaluation-views.ts';
import {
  type GetPlanResponse,
  indicatorPageLimits,
  type ListPlanIndicatorsResponse,
  type ListPlansResponse,
} from './responses.ts';
import { indicatorView, planListItem, planNodeView } from './views.ts';

const plans = new Hono<WebEnv>();

/** The plans, of one organization when `reference` (its id or 団体コード) is given: a 404 names an unknown one. */
export async function listPlansOf(c: Context<WebEnv>, reference: string | undefined) {
  const kind = enumQuery(c, 'kind', planKinds);
  const organization = reference === undefined ? undefined : await c.var.store.findOrganization(reference);
  if (reference !== undefined && !organization) throw notFound('団体', 'organization', reference);
  // One organization's plans are read alone: the national list is 3,482 plans.
  const selected = (await c.var.store.listPlans(organization?.id)).filter(
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
  c.set('cacheScope', found.organization.id);
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

/** Where a page starts: the indicator the cursor names (the first of the page), or the first of all. */
function pageStart(ids: readonly string[], cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const at = ids.indexOf(cursor);
  if (at < 0)
    throw badRequest(
      'cursor',
      `カーソル「${cursor}」はこの計画の指標ではありません (unknown cursor: ${cursor})`,
    );
  return at;
}

plans.get('/:id/indicators', async (c) => {
  onlyQueries(c, ['kind', 'limit', 'cursor']);
  const id = idParam(c);
  const kind = enumQuery(c, 'kind', indicatorKinds);
  const limit = intQuery(c, 'limit', {
    min: 1,
    max: indicatorPageLimits.max,
    fallback: indicatorPageLimits.fallback,
  });
  const cursor = c.req.query('cursor');
  // The list from ids and kinds alone; the page's own indicators then with every observation.
  const plan = await c.var.store.getPlanHeader(id);
  if (!plan) throw notFound('計画', 'plan', id);
  c.set('cacheScope', plan.organization.id);
  const listed = (await c.var.store.listIndicators(plan.id)).filter(
    (indicator) => kind === undefined || indicator.kind === kind,
  );
  const ids = listed.map((indicator) => indicator.id);
  const start = pageStart(ids, cursor);
  const page = await c.var.store.getIndicators(plan.id, ids.slice(start, start + limit));
  const nextId = ids[start + limit];
  const query = new URLSearchParams({
    ...(kind ? { kind } : {}),
    limit: String(limit),
    ...(nextId ? { cursor: nextId } : {}),
  });
  const body: ListPlanIndicatorsResponse = {
    indicators: page.map(({ nodeId, indicator }) => indicatorView(indicator, { id: nodeId }, plan)),
    next: nextId === undefined ? null : `/api/v1/plans/${encodeURIComponent(plan.id)}/indicators?${query}`,
  };
  return c.json(body);
});

plans.get('/:id/evaluations', async (c) => {
  onlyQueries(c, []);
  const id = idParam(c);
  const plan = await c.var.store.getPlan(id);
  if (!plan) throw notFound('計画', 'plan', id);
  const organization = (await c.var.store.listOrganizations(plan.organization.id)).find(
    (o) => o.id === plan.organization.id,
  );
  const body: GetPlanEvaluationsResponse = planEvaluationsView(plan, {
    evaluationViewpoints: organization?.evaluationViewpoints ?? null,
    nextStepVocabulary: organization?.nextStepVocabulary ?? null,
  });
  return c.json(body);
});

export default plans;
