import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvaluationApp, openHirakataApp } from '../../../test/helpers/evaluation-app.ts';

let demo: EvaluationApp;
beforeAll(async () => {
  demo = await openHirakataApp();
});
afterAll(() => demo.close());

const section = async (path: string) => {
  const res = await demo.app.request(path);
  expect(res.status).toBe(200);
  const html = await res.text();
  const start = html.indexOf('<section class="plan-evaluations"');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('<section class="downloads"', start));
};

describe('GET /plans/{id}: published rollups of 枚方市’s review', () => {
  it('lists the counts of each decision and the budget effect as printed, each linked to its line', async () => {
    const html = await section('/plans/hirakata-shiwake-2010');
    expect(html).toContain('<h3 id="rollup-directionCount">今後の方向性の件数</h3>');
    expect(html).toContain('<h3 id="rollup-budgetEffectTotal">予算への反映</h3>');
    expect(html).toContain('<th scope="row">市の対応方針: 改善</th><td class="number">22</td>');
    expect(html).toContain('<th scope="row">H23仕分け効果額: 合計</th><td class="number">-51,465千円</td>');
    expect(html).toContain('href="/documents/hirakata-shiwake-taio#L22"');
  });

  it('sets each printed total beside the sum of its printed parts', async () => {
    const html = await section('/plans/hirakata-shiwake-2010');
    expect(html).toContain('市の対応方針: 合計: 内訳の合計 36事業（公表の合計と一致）');
    expect(html).toContain('H23仕分け効果額: 合計: 内訳の合計 ▲51,465千円（公表の合計と一致）');
    expect(html).toContain('仕分け効果額合計((1)+(2)): 内訳の合計 ▲58,834千円（公表の合計と一致）');
    expect(html).not.toContain('公表の合計 ');
  });

  it('says it in English, keeping the printed labels and values in Japanese', async () => {
    const html = await section('/plans/hirakata-shiwake-2010?lang=en');
    expect(html).toContain('>Next steps: counts</h3>');
    expect(html).toContain('>Carried into the budget</h3>');
    expect(html).toContain('Sum of the parts: ▲51,465千円');
    expect(html).toContain('matches the published total');
    expect(html).toContain('<th scope="row" lang="ja">市の対応方針: 改善</th>');
  });
});
