import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, findDemoNode, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const page = async (path: string) => {
  const res = await demo.app.request(path);
  return { status: res.status, html: await res.text() };
};

describe('GET /plans/{id} with filters', () => {
  it('has a plain GET form for status and pillar that keeps the chosen values', async () => {
    const { html } = await page('/plans/mirai-2016?status=done&pillar=mirai-2016.p2');
    expect(html).toContain('<form class="filters" method="get" action="/plans/mirai-2016"');
    expect(html).toContain('<option value="done" selected="">完了</option>');
    expect(html).toContain('<option value="mirai-2016.p2" selected="">');
  });

  it('shows only the nodes with the chosen status', async () => {
    const done = await findDemoNode(demo.store, (n) => n.kind === 'policy' && n.status === 'done');
    const open = await findDemoNode(
      demo.store,
      (n) => n.kind === 'policy' && n.status === null && n.id.startsWith(`${done?.planId}.`),
    );
    const { html } = await page(`/plans/${done?.planId}?status=done`);
    expect(html).toContain(`href="/nodes/${done?.node.id}"`);
    expect(html).not.toContain(`href="/nodes/${open?.node.id}"`);
    expect(html).toMatch(/\d+件中\d+件を表示/);
  });

  it('shows only the chosen pillar', async () => {
    const plan = await demo.store.getPlan('mirai-2016');
    const [first, second] = plan?.nodes ?? [];
    const { html } = await page(`/plans/mirai-2016?pillar=${second?.id}`);
    expect(html).toContain(`<h2 id="node-${second?.id}">`);
    expect(html).not.toContain(`<h2 id="node-${first?.id}">`);
  });

  it('treats an empty choice as all', async () => {
    const all = await page('/plans/mirai-2016');
    const empty = await page('/plans/mirai-2016?status=&pillar=');
    expect(empty.status).toBe(200);
    expect(empty.html.match(/class="pillar"/g)?.length).toBe(all.html.match(/class="pillar"/g)?.length);
  });

  it('answers 400 naming an unknown status, pillar or parameter', async () => {
    const status = await page('/plans/mirai-2016?status=finished');
    expect(status.status).toBe(400);
    expect(status.html).toContain('「status」は');
    const pillar = await page('/plans/mirai-2016?pillar=mirai-2024.p01');
    expect(pillar.status).toBe(400);
    expect(pillar.html).toContain('invalid pillar: mirai-2024.p01');
    const unknown = await page('/plans/mirai-2016?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain('unknown query parameter: colour');
  });
});

describe('GET /plans/{id} figures and links', () => {
  it('shows the plan’s rollup: coverage first, then the rate over the rated with its rule', async () => {
    const { html } = await page('/plans/ashiato-2024');
    expect(html).toContain('class="status-bar" aria-hidden="true"');
    expect(html).toMatch(/<strong class="figure-value">評価済み (\d+) \/ \1件<\/strong>/);
    expect(html).toMatch(
      /実施率: <strong class="figure-value">[\d.]+%<\/strong>（評価済み\d+件のうち\d+件）/,
    );
    expect(html).toContain('<p class="figure-rule">集計方法: 対象');
  });

  it('links the terms page and the report', async () => {
    const { html } = await page('/plans/mirai-2016');
    expect(html).toContain('href="/organizations/komoro/terms"');
    expect(html).toContain('href="/plans/mirai-2016/report"');
  });

  it('draws a pillar’s own indicator as a chart, or a number when its values share one date, with its data table', async () => {
    const found = await findDemoNode(demo.store, (n) => n.kind === 'pillar' && n.indicators.length > 0);
    const { html } = await page(`/plans/${found?.planId}`);
    expect(html).toContain(`id="figure-${found?.node.indicators[0]?.id}"`);
    expect(html).toMatch(
      /<div class="indicator-chart"><div class="chart-narrow"><svg [^>]*role="img"|<p class="single-value"><strong/,
    );
    expect(html).toContain('<table class="indicator-table"');
  });
});
