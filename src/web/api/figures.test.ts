import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, findDemoNode, getJson, openDemoApp } from '../../../test/helpers/web.ts';
import { indicatorFigures, summarizeNode, summarizePlan } from '../../domain/figures/index.ts';
import type { ListPlanIndicatorsResponse } from './responses.ts';
import type { IndicatorView, PlanNodeView } from './views.ts';

type IndicatorsBody = ListPlanIndicatorsResponse;
type WithSummary = { summary: ReturnType<typeof summarizePlan> };

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const figureKeys = [
  'achievementRate',
  'difference',
  'percentChange',
  'pointChange',
  'rating',
  'ratio',
  'reported',
  'share',
  'standing',
];

/** The computed figures of a view: every key but `reported`, which lists what the source printed. */
const computedFigures = ({ reported: _reported, ...figures }: IndicatorView['figures']) =>
  Object.values(figures);

describe('figures in GET /api/v1/plans/{id}/indicators', () => {
  it('gives every indicator every figure the engine computes, each a value with its rule or null with a reason', async () => {
    const plan = await demo.store.getPlan('mirai-2016');
    if (!plan) throw new Error('demo has no mirai-2016');
    const { body } = await getJson<IndicatorsBody>(demo.app, '/api/v1/plans/mirai-2016/indicators');
    expect(body.indicators.length).toBeGreaterThan(0);
    for (const view of body.indicators) {
      expect(Object.keys(view.figures).sort()).toEqual(figureKeys);
      for (const figure of computedFigures(view.figures)) {
        if (figure.value === null)
          expect(figure).toMatchObject({ reason: expect.any(String), text: expect.any(String) });
        else expect(figure.rule.length).toBeGreaterThan(0);
      }
    }
  });

  it('returns the seed’s 50.5倍 for ふるさと納税, as the engine computes it', async () => {
    const plan = await demo.store.getPlan('mirai-2016');
    const found = await findDemoNode(demo.store, (n) =>
      n.indicators.some((i) => i.id === 'mirai-2016.i.furusato-nozei'),
    );
    const indicator = found?.node.indicators.find((i) => i.id === 'mirai-2016.i.furusato-nozei');
    if (!plan || !indicator) throw new Error('demo has no ふるさと納税 indicator');
    const { body } = await getJson<IndicatorsBody>(demo.app, '/api/v1/plans/mirai-2016/indicators');
    const view = body.indicators.find((i) => i.id === indicator.id);
    expect(view?.figures.ratio.text).toBe('50.5倍');
    expect(view?.figures.ratio).toEqual(JSON.parse(JSON.stringify(indicatorFigures(indicator, plan).ratio)));
  });
});

describe('shares and places in GET /api/v1/plans/{id}/indicators', () => {
  const indicatorOf = async (planId: string, id: string) => {
    const { body } = await getJson<IndicatorsBody>(demo.app, `/api/v1/plans/${planId}/indicators`);
    const view = body.indicators.find((i) => i.id === id);
    if (!view) throw new Error(`demo has no ${id}`);
    return view;
  };

  it('gives the share 61/68区 = 89.7% with its rule, and the observation its whole', async () => {
    const view = await indicatorOf('mirai-2016', 'mirai-2016.i.drill-districts');
    expect(view.figures.share).toMatchObject({ unit: '%', text: '89.7%' });
    expect(view.figures.share.value).toBeCloseTo((61 / 68) * 100, 6);
    expect(view.figures.share.value === null ? '' : view.figures.share.rule).toMatch(
      /^割合 = 値 ÷ 全体 × 100/,
    );
    expect(view.latest).toMatchObject({ value: 61, outOf: 68, rankOf: null });
    expect(view.figures.standing).toMatchObject({ value: null, reason: 'not_percentage' });
  });

  it('gives the place 812中25位 with its rule, and the observation its field', async () => {
    const view = await indicatorOf('ashiato-2024', 'ashiato-2024.i.livability-rank');
    expect(view.figures.standing.text).toBe('812中25位（上位3.1%）');
    expect(view.figures.standing.value === null ? '' : view.figures.standing.rule).toMatch(/^上位の割合/);
    expect(view.observations).toContainEqual(
      expect.objectContaining({ value: 25, rankOf: 812, outOf: null }),
    );
  });
});

describe('summary in GET /api/v1/plans/{id} and /nodes/{id}', () => {
  it('adds the plan’s rollup with its rules', async () => {
    const plan = await demo.store.getPlan('ashiato-2024');
    if (!plan) throw new Error('demo has no ashiato-2024');
    const { body } = await getJson<WithSummary>(demo.app, '/api/v1/plans/ashiato-2024');
    expect(body.summary).toEqual(JSON.parse(JSON.stringify(summarizePlan(plan))));
    expect(body.summary.status.total).toBeGreaterThan(0);
    expect(body.summary.rules.length).toBeGreaterThan(0);
  });

  it('adds a pillar’s rollup of its subtree', async () => {
    const found = await findDemoNode(demo.store, (n) => n.kind === 'pillar' && n.children.length > 1);
    const context = found && (await demo.store.getNode(found.node.id));
    if (!context) throw new Error('demo has no pillar with policies');
    const { body } = await getJson<WithSummary>(demo.app, `/api/v1/nodes/${context.node.id}`);
    expect(body.summary.status.total).toBe(summarizeNode(context.node, context.plan).status.total);
    expect(body.summary.status.counts.reduce((a, r) => a + r.count, 0)).toBe(body.summary.status.total);
  });
});

describe('the OpenAPI document', () => {
  it('describes figures and summaries', async () => {
    const doc = (await (await demo.app.request('/api/v1/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const { schemas } = doc.components;
    expect(schemas.IndicatorView?.properties?.figures).toEqual({
      $ref: '#/components/schemas/IndicatorFigures',
    });
    expect(Object.keys(schemas.IndicatorFigures?.properties ?? {}).sort()).toEqual(figureKeys);
    expect(schemas.Summary).toBeDefined();
    expect(schemas.Figure).toBeDefined();
  });
});

describe('figures on the indicators of GET /api/v1/plans/{id} and /nodes/{id}', () => {
  type Tree = PlanNodeView;
  const indicatorsIn = (nodes: Tree[]): Tree['indicators'] =>
    nodes.flatMap((n) => [...n.indicators, ...indicatorsIn(n.children)]);

  it('gives every indicator of the plan tree the same figures as /plans/{id}/indicators, beside the model fields', async () => {
    const plan = await demo.store.getPlan('mirai-2016');
    const { body } = await getJson<{ nodes: Tree[] }>(demo.app, '/api/v1/plans/mirai-2016');
    const listed = await getJson<IndicatorsBody>(demo.app, '/api/v1/plans/mirai-2016/indicators');
    const inTree = indicatorsIn(body.nodes);
    expect(inTree.map((i) => i.id)).toEqual(listed.body.indicators.map((i) => i.id));
    const modelIndicators = indicatorsIn((plan?.nodes ?? []) as unknown as Tree[]);
    inTree.forEach((indicator, n) => {
      expect(indicator.figures).toEqual(listed.body.indicators[n]?.figures);
      const { figures: _f, ...model } = indicator;
      expect(model).toEqual(JSON.parse(JSON.stringify(modelIndicators[n])));
    });
  });

  it('gives the indicators of a node and of its children their figures', async () => {
    const found = await findDemoNode(
      demo.store,
      (n) => n.indicators.length > 0 || n.children.some((c) => c.indicators.length > 0),
    );
    const { body } = await getJson<{ node: Tree }>(demo.app, `/api/v1/nodes/${found?.node.id}`);
    const indicators = indicatorsIn([body.node]);
    expect(indicators.length).toBeGreaterThan(0);
    for (const indicator of indicators) expect(Object.keys(indicator.figures).sort()).toEqual(figureKeys);
  });
});
