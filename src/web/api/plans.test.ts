import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiErrorBody, type DemoApp, getJson, openDemoApp } from '../../../test/helpers/web.ts';
import type { GetPlanResponse, ListPlanIndicatorsResponse, ListPlansResponse } from './responses.ts';

type PlansBody = ListPlansResponse;
type PlanBody = GetPlanResponse;
type IndicatorsBody = ListPlanIndicatorsResponse;

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const get = <T>(path: string) => getJson<T>(demo.app, path);

describe('GET /api/v1/plans', () => {
  it('lists every plan of the store with its organization', async () => {
    const { res, body } = await get<PlansBody>('/api/v1/plans');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const expected = await demo.store.listPlans();
    expect(body.plans.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    const [first] = body.plans;
    if (!first) throw new Error('demo has no plan');
    expect(Object.keys(first).sort()).toEqual(
      ['id', 'title', 'kind', 'periodStart', 'periodEnd', 'publishedAt', 'organization'].sort(),
    );
    expect(first.organization).toEqual({ name: '小諸市', municipalityCode: '202088' });
  });

  it('filters by kind', async () => {
    const { body } = await get<PlansBody>('/api/v1/plans?kind=manifesto');
    expect(body.plans.length).toBeGreaterThan(0);
    expect(body.plans.every((p) => p.kind === 'manifesto')).toBe(true);
  });

  it('answers 400 naming an unknown kind', async () => {
    const { res, body } = await get<ApiErrorBody>('/api/v1/plans?kind=wish');
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code: 'bad_request', parameter: 'kind' });
    expect(body.error.message).toMatch(/kind.*\(invalid kind: wish/);
  });

  it('answers 400 naming an unknown query parameter', async () => {
    const { res, body } = await get<ApiErrorBody>('/api/v1/plans?sort=title');
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code: 'bad_request', parameter: 'sort' });
  });
});

describe('GET /api/v1/plans/{id}', () => {
  it('returns the plan with its organization but without nodes, the node tree and the status vocabulary', async () => {
    const [header] = await demo.store.listPlans();
    const { res, body } = await get<PlanBody>(`/api/v1/plans/${header?.id}`);
    expect(res.status).toBe(200);
    expect(body.plan.id).toBe(header?.id);
    expect(body.plan).not.toHaveProperty('nodes');
    expect(body.plan.organization).toEqual({ id: 'komoro', name: '小諸市', municipalityCode: '202088' });
    expect(Array.isArray(body.plan.statements)).toBe(true);
    expect(body.nodes.length).toBeGreaterThan(0);
    expect(body.nodes[0]).toHaveProperty('children');
    expect(body.statusVocabulary.map((s) => s.code)).toContain('done');
  });

  it('answers 404 in Japanese and English for an unknown id', async () => {
    const { res, body } = await get<ApiErrorBody>('/api/v1/plans/no-such-plan');
    expect(res.status).toBe(404);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toBe('計画「no-such-plan」は見つかりません (plan not found: no-such-plan)');
  });

  it('answers 400 naming the id when it breaks the recordId pattern', async () => {
    const { res, body } = await get<ApiErrorBody>('/api/v1/plans/Mirai_2016');
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code: 'bad_request', parameter: 'id' });
  });
});

describe('GET /api/v1/plans/{id}/indicators', () => {
  it('returns each indicator with its node, observations with fiscal years, and the latest one', async () => {
    const plans = await demo.store.listPlans();
    const all: IndicatorsBody['indicators'] = [];
    for (const plan of plans)
      all.push(...(await get<IndicatorsBody>(`/api/v1/plans/${plan.id}/indicators`)).body.indicators);
    const observed = all.find((i) => i.observations.length > 0);
    if (!observed) throw new Error('demo has no observed indicator');
    expect(Object.keys(observed)).toEqual(
      expect.arrayContaining(['id', 'nodeId', 'name', 'unit', 'direction', 'baseline', 'target', 'latest']),
    );
    const dated = observed.observations.find((o) => o.date !== null);
    expect(typeof dated?.fiscalYear).toBe('number');
    expect(observed.observations).toContainEqual(observed.latest);
    const node = await demo.store.getNode(observed.nodeId);
    expect(node?.node.indicators.map((i) => i.id)).toContain(observed.id);
  });

  it('picks the observation with the latest date as latest', async () => {
    const plans = await demo.store.listPlans();
    for (const plan of plans) {
      const { body } = await get<IndicatorsBody>(`/api/v1/plans/${plan.id}/indicators`);
      for (const indicator of body.indicators) {
        if (indicator.observations.length === 0) expect(indicator.latest).toBeNull();
        const years = indicator.observations.map((o) => o.fiscalYear ?? -1);
        if (indicator.latest) expect(indicator.latest.fiscalYear ?? -1).toBe(Math.max(...years));
      }
    }
  });

  it('pages with limit and cursor: following next walks every indicator once, in order', async () => {
    const [plan] = await demo.store.listPlans();
    const all = (await get<IndicatorsBody>(`/api/v1/plans/${plan?.id}/indicators?limit=100`)).body;
    expect(all.indicators.length).toBeGreaterThan(2);
    expect(all.next).toBeNull();
    const walked: string[] = [];
    let url: string | null = `/api/v1/plans/${plan?.id}/indicators?limit=2`;
    while (url !== null) {
      const page: IndicatorsBody = (await get<IndicatorsBody>(url)).body;
      expect(page.indicators.length).toBeLessThanOrEqual(2);
      walked.push(...page.indicators.map((i) => i.id));
      url = page.next;
    }
    expect(walked).toEqual(all.indicators.map((i) => i.id));
  });

  it('refuses a cursor that is no indicator of the plan, and a limit out of range', async () => {
    const [plan] = await demo.store.listPlans();
    const cursor = await get<ApiErrorBody>(`/api/v1/plans/${plan?.id}/indicators?cursor=nothing`);
    expect([cursor.res.status, cursor.body.error.parameter]).toEqual([400, 'cursor']);
    const limit = await get<ApiErrorBody>(`/api/v1/plans/${plan?.id}/indicators?limit=1000`);
    expect([limit.res.status, limit.body.error.parameter]).toEqual([400, 'limit']);
  });

  it('filters by indicator kind and refuses an unknown one', async () => {
    const [plan] = await demo.store.listPlans();
    const { body } = await get<IndicatorsBody>(`/api/v1/plans/${plan?.id}/indicators?kind=output`);
    expect(body.indicators.every((i) => i.kind === 'output')).toBe(true);
    const bad = await get<ApiErrorBody>(`/api/v1/plans/${plan?.id}/indicators?kind=kpi`);
    expect(bad.res.status).toBe(400);
    expect(bad.body.error.parameter).toBe('kind');
  });

  it('answers 404 for an unknown plan', async () => {
    const { res, body } = await get<ApiErrorBody>('/api/v1/plans/nothing/indicators');
    expect(res.status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});
