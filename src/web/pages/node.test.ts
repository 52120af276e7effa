import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, findDemoNode, hasObservedIndicator, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const page = async (id: string) => (await demo.app.request(`/nodes/${id}`)).text();

describe('GET /nodes/{id}', () => {
  it('shows a breadcrumb from home through the plan and the ancestors', async () => {
    const found = await findDemoNode(demo.store, (n) => n.kind === 'policy');
    const context = await demo.store.getNode(found?.node.id ?? '');
    const html = await page(found?.node.id ?? '');
    const crumbs = html.slice(
      html.indexOf('class="breadcrumb"'),
      html.indexOf('</nav>', html.indexOf('breadcrumb')),
    );
    expect(crumbs).toContain('href="/"');
    expect(crumbs).toContain(`href="/plans/${context?.plan.id}"`);
    for (const ancestor of context?.ancestors ?? []) expect(crumbs).toContain(`href="/nodes/${ancestor.id}"`);
  });

  it('lists indicators in a captioned table with baseline, target and latest linked to their lines', async () => {
    const found = await findDemoNode(demo.store, hasObservedIndicator);
    const html = await page(found?.node.id ?? '');
    expect(html).toContain('<caption>指標（基準値・目標値・最新の実績値）</caption>');
    expect(html).toContain('<th scope="col">最新の実績値</th>');
    const observation = found?.node.indicators.flatMap((i) => i.observations)[0];
    expect(html).toContain(
      `href="/documents/${observation?.source.documentId}#L${observation?.source.line}"`,
    );
  });

  it('marks figures the source printed already derived as 報告値', async () => {
    const found = await findDemoNode(demo.store, (n) => n.indicators.some((i) => i.reported.length > 0));
    if (!found) throw new Error('demo has no reported figure');
    const html = await page(found.node.id);
    const figure = found.node.indicators.flatMap((i) => i.reported)[0];
    expect(html).toContain('<span class="reported">報告値</span>');
    expect(html).toContain(figure?.text);
  });

  it('lists achievements with their sources', async () => {
    const found = await findDemoNode(demo.store, (n) => n.achievements.length > 0);
    const html = await page(found?.node.id ?? '');
    expect(html).toContain('<h2 id="achievements">取り組み実績</h2>');
    const achievement = found?.node.achievements[0];
    expect(html).toContain(`#L${achievement?.source.line}"`);
    expect(html).toContain(achievement?.title);
  });

  it('links to the nodes it continues in other plans', async () => {
    const found = await findDemoNode(demo.store, (n) => n.continues.length > 0);
    const html = await page(found?.node.id ?? '');
    expect(html).toContain('<h2 id="continues">');
    expect(html).toContain(`href="/nodes/${found?.node.continues[0]}"`);
  });

  it('answers 400 for a malformed id and 404 for an unknown one, as HTML', async () => {
    const bad = await demo.app.request('/nodes/NOPE!');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^text\/html/);
    const missing = await demo.app.request('/nodes/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('ノード「nope」は見つかりません');
  });
});
