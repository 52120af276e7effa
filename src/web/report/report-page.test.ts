import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const report = async (id: string) => (await demo.app.request(`/plans/${id}/report`)).text();

describe('GET /plans/{id}/report', () => {
  it('has one section per pillar with its slogan in 「」 and ● policies', async () => {
    const plan = await demo.store.getPlan('mirai-2016');
    const html = await report('mirai-2016');
    expect(html).toContain('<body class="report">');
    for (const pillar of plan?.nodes ?? []) {
      expect(html).toContain(`<section class="report-pillar" aria-labelledby="r-${pillar.id}">`);
      if (pillar.slogan) expect(html).toContain(`「${pillar.slogan}」`);
    }
    expect(html).toContain('<ul class="bullets">');
  });

  it('boxes the headline figures with the engine’s derived figure and its rule', async () => {
    const html = await report('mirai-2016');
    expect(html).toMatch(/<p class="highlight-figure"><span class="figure-kind">倍率<\/span>50\.5倍/);
    expect(html).toContain('計算方法: 倍率 = 実績 ÷ 基準');
  });

  it('marks a figure only the source printed as 報告値', async () => {
    const html = await report('mirai-2016');
    expect(html).toMatch(/<p class="highlight-figure"><span class="reported">報告値<\/span>-12\.81%/);
  });

  it('numbers every cited source once, as footnotes that link to the line', async () => {
    const html = await report('ashiato-2024');
    const cited = new Set([...html.matchAll(/<sup class="cite"><a href="#fn-(\d+)"/g)].map((m) => m[1]));
    const notes = [...html.matchAll(/<li id="fn-(\d+)"><a href="\/documents\/[a-z0-9-]+#L\d+">/g)].map(
      (m) => m[1],
    );
    expect(cited.size).toBeGreaterThan(0);
    expect(notes).toEqual([...cited].sort((a, b) => Number(a) - Number(b)));
  });

  it('answers 404 for an unknown plan', async () => {
    expect((await demo.app.request('/plans/unknown/report')).status).toBe(404);
  });
});
