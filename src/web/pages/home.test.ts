import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';
import { indicatorsOf } from '../../domain/plan-tree.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

describe('GET /', () => {
  it('is a Japanese HTML page naming the organization and linking every plan', async () => {
    const res = await demo.app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
    expect(html).toContain('<h1>小諸市の約束と実績</h1>');
    for (const plan of await demo.store.listPlans()) expect(html).toContain(`href="/plans/${plan.id}"`);
  });

  it('shows each highlighted indicator as a headline figure linked to its source line', async () => {
    const html = await (await demo.app.request('/')).text();
    const highlighted = [];
    for (const header of await demo.store.listPlans()) {
      const plan = await demo.store.getPlan(header.id);
      highlighted.push(...indicatorsOf(plan?.nodes ?? []).filter(({ indicator }) => indicator.highlight));
    }
    expect(highlighted.length).toBeGreaterThan(0);
    expect(html.match(/<li class="headline">/g)?.length).toBe(highlighted.length);
    for (const { indicator } of highlighted)
      expect(html).toContain(`<p class="headline-name">${indicator.name}`);
    expect(html).toMatch(/<p class="headline-value">.*?<a href="\/documents\/[a-z0-9-]+#L\d+" title="/);
  });

  it('writes dates as 西暦 with 和暦 beside them', async () => {
    const html = await (await demo.app.request('/')).text();
    expect(html).toMatch(/\d{4}年\d{1,2}月\d{1,2}日（(平成|令和)(元|\d+)年\d{1,2}月\d{1,2}日）/);
  });
});
