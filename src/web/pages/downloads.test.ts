/** Every plan page and every indicator links its open-data downloads, and every such link answers a file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, findDemoNode, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const downloadLinks = (html: string) =>
  [...html.matchAll(/href="(\/downloads\/[^"]+)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));

async function expectFile(path: string) {
  const res = await demo.app.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-disposition'), path).toMatch(/^(attachment|inline); filename="/);
}

describe('plan pages', () => {
  it('link JSON, XLSX, datapackage.json and each table in UTF-8 and Shift_JIS, every link a file', async () => {
    const plans = await demo.store.listPlans();
    expect(plans.length).toBeGreaterThan(1);
    for (const plan of plans) {
      const links = downloadLinks(await (await demo.app.request(`/plans/${plan.id}`)).text());
      const base = `/downloads/plans/${plan.id}`;
      expect(links).toEqual(
        expect.arrayContaining([
          `${base}/export.json`,
          `${base}/export.xlsx`,
          `${base}/datapackage.json`,
          ...['nodes', 'indicators', 'indicator-values', 'achievements'].flatMap((table) => [
            `${base}/${table}.csv`,
            `${base}/${table}.csv?encoding=shift_jis`,
          ]),
        ]),
      );
      for (const link of links) await expectFile(link);
    }
  });

  it('keep download links free of lang on the English page', async () => {
    const [plan] = await demo.store.listPlans();
    const links = downloadLinks(await (await demo.app.request(`/plans/${plan?.id}?lang=en`)).text());
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).not.toContain('lang=');
  });
});

describe('indicators', () => {
  it('link their CSV (UTF-8 and Shift_JIS), XLSX and JSON from the node page, every file holding the indicator', async () => {
    const found = await findDemoNode(demo.store, (n) => n.indicators.length > 0);
    const indicator = found?.node.indicators[0];
    const html = await (await demo.app.request(`/nodes/${found?.node.id}`)).text();
    const base = `/downloads/indicators/${indicator?.id}`;
    const links = downloadLinks(html);
    const files = [
      `${base}/indicator-values.csv`,
      `${base}/indicator-values.csv?encoding=shift_jis`,
      `${base}/indicator-values.xlsx`,
      `${base}/indicator.json`,
    ];
    expect(links).toEqual(expect.arrayContaining(files));
    for (const file of files) await expectFile(file);
    expect(await (await demo.app.request(files[0]!)).text()).toContain(indicator?.id);
    const xlsx = new Uint8Array(await (await demo.app.request(files[2]!)).arrayBuffer());
    expect([...xlsx.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const json = (await (await demo.app.request(files[3]!)).json()) as {
      indicator: { observations: unknown };
    };
    expect(json).toMatchObject({
      planId: found?.planId,
      nodeId: found?.node.id,
      indicator: { id: indicator?.id },
    });
    expect(json.indicator.observations).toEqual(indicator?.observations);
  });

  it('answer 404 for an unknown indicator', async () => {
    for (const file of ['indicator-values.csv', 'indicator-values.xlsx', 'indicator.json']) {
      expect((await demo.app.request(`/downloads/indicators/no-such/${file}`)).status).toBe(404);
    }
  });
});
