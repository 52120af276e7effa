import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, findDemoNode, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

describe('GET /plans/{id}', () => {
  it('shows the plan title, its statements and one section per pillar', async () => {
    const [header] = await demo.store.listPlans();
    const plan = await demo.store.getPlan(header?.id ?? '');
    const res = await demo.app.request(`/plans/${plan?.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<h1>${plan?.title}</h1>`);
    for (const pillar of plan?.nodes ?? []) expect(html).toContain(`href="/nodes/${pillar.id}"`);
    for (const statement of plan?.statements ?? []) expect(html).toContain(statement.title);
    expect(html).toContain(`href="/assets/plans/${plan?.id}/status.css"`);
  });

  it('gives every policy a status badge, 未評価 where the source says nothing', async () => {
    const found = await findDemoNode(demo.store, (n) => n.kind === 'policy' && n.status === null);
    const html = await (await demo.app.request(`/plans/${found?.planId}`)).text();
    const item = html.slice(html.indexOf(`href="/nodes/${found?.node.id}"`) - 200);
    expect(item).toMatch(/<span class="status status-unassessed">未評価<\/span><a href="\/nodes\//);
  });

  it('shows a policy’s latest indicator value next to it', async () => {
    const found = await findDemoNode(
      demo.store,
      (n) => n.kind === 'policy' && n.indicators.some((i) => i.observations.length > 0),
    );
    const html = await (await demo.app.request(`/plans/${found?.planId}`)).text();
    const after = html.slice(html.indexOf(`href="/nodes/${found?.node.id}"`));
    const indicator = found?.node.indicators.find((i) => i.observations.length > 0);
    expect(after).toContain(`${indicator?.name}: <span class="point"><a href="/documents/`);
  });

  it('answers with a Japanese 404 page for an unknown plan', async () => {
    const res = await demo.app.request('/plans/unknown');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('計画「unknown」は見つかりません');
  });
});
