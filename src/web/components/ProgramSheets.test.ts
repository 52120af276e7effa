import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvaluationApp, openEvaluationApp } from '../../../test/helpers/evaluation-app.ts';

let fixture: EvaluationApp;
beforeAll(async () => {
  fixture = await openEvaluationApp();
});
afterAll(() => fixture.close());

const sheet = async (path: string) => {
  const res = await fixture.app.request(path);
  expect(res.status).toBe(200);
  const html = await res.text();
  const start = html.indexOf('<section aria-labelledby="program-sheet"');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('<section aria-labelledby="indicators"', start));
};

/** The cells of the cost table's row headed `label`. */
const row = (html: string, label: string) => {
  const m = new RegExp(`<th scope="row">${label}</th>(.*?)</tr>`).exec(html);
  return [...(m?.[1] ?? '').matchAll(/<td class="number">(.*?)<\/td>/g)].map((c) =>
    (c[1] ?? '').replace(/<[^>]+>/g, ''),
  );
};

describe('GET /nodes/{id}: a program’s 事務事業評価 sheet', () => {
  it('reads like the sheet: department, 対象・意図・手段, and a budget-against-settlement chart', async () => {
    const html = await sheet('/nodes/evaluation-plan.p1.a');
    expect(html).toContain('<h2 id="program-sheet">事務事業評価シート</h2>');
    expect(html).toContain('<dt>所管課</dt><dd>こども政策課</dd>');
    expect(html).toContain('<dd>放課後を安心して過ごせる</dd>');
    expect(html).toContain('role="img"');
    expect(html).toContain('放課後児童クラブ運営事業の最終予算と決算');
  });

  it('tables the money per fiscal year in 千円, with the engine’s total, unit cost, execution rate and change', async () => {
    const html = await sheet('/nodes/evaluation-plan.p1.a');
    expect(row(html, '最終予算')).toEqual(['5,200千円', '5,300千円']);
    expect(row(html, '決算')).toEqual(['4,940千円', '5,035千円']);
    expect(row(html, '財源: 国庫支出金')).toEqual(['1,000千円', '—']);
    // 人件費 = 0.5人工 × 800万円 in 2019; stated as an amount in 2020.
    expect(row(html, '人件費')).toEqual(['4,000千円', '4,000千円']);
    expect(row(html, 'トータルコスト')).toEqual(['8,940千円', '9,035千円']);
    expect(row(html, '単位コスト')).toEqual(['89,400円', '95,105円']);
    expect(row(html, '執行率')).toEqual(['95.0%', '95.0%']);
    expect(row(html, '前年度比（トータルコスト）')).toEqual(['—', '+1.1%']);
    expect(html).toContain('計算方法（2020年度）');
  });

  it('sets the figures the sheet printed beside the computed ones', async () => {
    const html = await sheet('/nodes/evaluation-plan.p1.a');
    expect(html).toContain('<strong>9,035千円</strong> （計算値と一致）');
    expect(html).toMatch(/<strong>96\.0%<\/strong> （計算値 95\.0% と異なる）/);
  });

  it('says it in English', async () => {
    const html = await sheet('/nodes/evaluation-plan.p1.a?lang=en');
    expect(html).toContain('>Programme evaluation sheet</h2>');
    expect(row(html, 'Total cost')).toEqual(['¥8,940k', '¥9,035k']);
    expect(html).toContain('Execution rate = settlement');
  });
});
