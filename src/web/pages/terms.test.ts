import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, findDemoNode, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

describe('GET /organizations/{id}/terms', () => {
  it('shows every plan as a column, in the order of their follows chain', async () => {
    const res = await demo.app.request('/organizations/komoro/terms');
    expect(res.status).toBe(200);
    const html = await res.text();
    const plans = await Promise.all((await demo.store.listPlans()).map((p) => demo.store.getPlan(p.id)));
    const positions = plans.map((p) => ({
      p,
      at: html.indexOf(`<section class="term" aria-labelledby="term-${p?.id}"`),
    }));
    for (const { at } of positions) expect(at).toBeGreaterThan(0);
    for (const { p, at } of positions) {
      const followed = positions.find((q) => q.p?.id === p?.follows);
      if (followed) expect(followed.at).toBeLessThan(at);
    }
  });

  it('links a continued policy to its successor and back on the same page', async () => {
    const later = await findDemoNode(demo.store, (n) => n.continues.length > 0);
    const earlierId = later?.node.continues[0];
    const html = await (await demo.app.request('/organizations/komoro/terms')).text();
    expect(html).toContain(`id="t-${earlierId}"`);
    expect(html).toContain(`href="#t-${earlierId}"`);
    expect(html).toContain(`href="#t-${later?.node.id}"`);
  });

  it('is linked from home and from every plan page', async () => {
    const home = await (await demo.app.request('/')).text();
    expect(home).toContain('href="/organizations/komoro/terms"');
    for (const plan of await demo.store.listPlans()) {
      const html = await (await demo.app.request(`/plans/${plan.id}`)).text();
      expect(html).toContain('href="/organizations/komoro/terms"');
    }
  });

  it('answers 404 for an unknown organization', async () => {
    const res = await demo.app.request('/organizations/nowhere/terms');
    expect(res.status).toBe(404);
  });
});
