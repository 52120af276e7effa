import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvaluationApp, openEvaluationApp } from '../../../test/helpers/evaluation-app.ts';

let fixture: EvaluationApp;
beforeAll(async () => {
  fixture = await openEvaluationApp();
});
afterAll(() => fixture.close());

const page = async (path: string) => {
  const res = await fixture.app.request(path);
  expect(res.status).toBe(200);
  return res.text();
};

/** The HTML of the 行政評価 section alone. */
const section = (html: string) => {
  const start = html.indexOf('<section class="plan-evaluations"');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('<section class="downloads"', start));
};

describe('GET /plans/{id}: 行政評価', () => {
  it('puts the plan’s evaluations of itself first, each score with its own unit', async () => {
    const html = section(await page('/plans/evaluation-plan'));
    const plan = html.indexOf('<h3 id="evaluations-plan-evaluation-plan">評価テスト計画（計画全体）</h3>');
    expect(plan).toBeGreaterThan(-1);
    expect(html.indexOf('子育ての柱')).toBeGreaterThan(plan);
    expect(html).toContain('<strong>85.3点 / 100点（100点満点）</strong>');
    expect(html).toContain('<strong>72.5点 / 100点（100点満点）</strong>');
  });

  it('sets the evaluators of a pillar side by side, each on its own scale, with its next step and source', async () => {
    const html = section(await page('/plans/evaluation-plan'));
    expect(html).toContain('<h2 id="administrative-evaluation">行政評価</h2>');
    expect(html).toContain('<h3 id="evaluations-node-evaluation-plan.p1">1 子育ての柱</h3>');
    for (const column of ['年度', '自己評価', '外部評価', '市民評価'])
      expect(html).toContain(`>${column}</th>`);
    // An evaluator kind nobody used gets no column.
    expect(html).not.toContain('>内部評価</th>');
    expect(html).toContain('<strong>A（A-D）</strong>');
    expect(html).toContain('<strong>52.5 / 100（100点）</strong>');
    expect(html).toContain('<strong>○（◎○△×）</strong>');
    expect(html).toContain('今後の方向性: <strong>改善</strong>');
    // The city's own word for the glossary's 継続.
    expect(html).toContain('今後の方向性: <strong>現状維持</strong>');
    expect(html).toContain('利用者の声を聞く仕組みが必要');
    expect(html).toContain('href="/documents/evaluation-report#L11"');
  });

  it('puts each fiscal year on its own row and names evaluators who disagree', async () => {
    const html = section(await page('/plans/evaluation-plan'));
    const fy2020 = html.indexOf('2020年度（令和2年度）');
    const fy2021 = html.indexOf('2021年度（令和3年度）');
    expect(fy2020).toBeGreaterThan(-1);
    expect(fy2021).toBeGreaterThan(fy2020);
    // A (100 on the 0–100 line) against 52.5 points: a spread of 47.5.
    expect(html).toContain('見解の相違: 子育て支援課・行政評価委員会');
    expect(html).toContain('評価の幅 47.5点（0〜100に換算）');
  });

  it('counts the next steps of the plan’s programs by their deciding stage, with 見直し and the budget effect', async () => {
    const html = section(await page('/plans/evaluation-plan'));
    expect(html).toContain('<h3 id="direction-rollup">今後の方向性の集計（計算値）</h3>');
    // The program's 二次評価 (縮小, ▲1,200千円) decides over its 一次評価 (現状維持).
    expect(html).toMatch(/2020年度（令和2年度）<\/span><\/dt><dd>縮小 1<div>見直し: 1件（100(\.0)?%）/);
    expect(html).toContain('予算への反映の合計: ▲1,200千円');
  });

  it('leaves out pillars nobody evaluated, and the section when no one evaluated anything', async () => {
    const html = await page('/plans/evaluation-plan');
    expect(section(html)).not.toContain('評価のない柱');
  });

  it('says it in English on ?lang=en, keeping the recorded words in Japanese', async () => {
    const html = section(await page('/plans/evaluation-plan?lang=en'));
    expect(html).toContain('>Administrative evaluation</h2>');
    for (const column of ['Fiscal year', 'Self-evaluation', 'External review', 'Citizens']) {
      expect(html).toContain(`>${column}</th>`);
    }
    expect(html).toContain('Next step: <strong>Improve</strong>');
    expect(html).toContain('FY2020');
    expect(html).toContain('<strong lang="ja">52.5 / 100（100点）</strong>');
  });
});

describe('GET /nodes/{id}: evaluations', () => {
  it('shows a program’s evaluations by stage, with viewpoints, next step and budget effect', async () => {
    const html = await page('/nodes/evaluation-plan.p1.a');
    expect(html).toContain('<h2 id="evaluations">評価</h2>');
    const first = html.indexOf('>一次評価</th>');
    expect(first).toBeGreaterThan(-1);
    expect(html.indexOf('>二次評価</th>')).toBeGreaterThan(first);
    expect(html).toContain('id="evaluation-a-internal-2020"');
    expect(html).toContain('観点: 必要性 A・効率性 B');
    expect(html).toContain('今後の方向性: <strong>縮小</strong>');
    expect(html).toContain('予算への反映: 減額 ▲1,200千円');
  });

  it('has no evaluation section on a node nobody evaluated', async () => {
    const html = await page('/nodes/evaluation-plan.p2');
    expect(html).not.toContain('id="evaluations"');
  });
});

describe('GET /plans/{id}/report: 行政評価', () => {
  it('prints the same section, citing each evaluation as a numbered footnote', async () => {
    const html = await page('/plans/evaluation-plan/report');
    const start = html.indexOf('<section class="plan-evaluations"');
    expect(start).toBeGreaterThan(-1);
    const body = html.slice(start, html.indexOf('<section class="footnotes"', start));
    expect(body).toContain('<h2 id="administrative-evaluation">行政評価</h2>');
    expect(body).toContain('<strong>52.5 / 100（100点）</strong>');
    const marks = [...body.matchAll(/<sup class="cite"><a href="#fn-(\d+)"/g)].map((m) => m[1]);
    expect(marks).toHaveLength(5);
    for (const n of marks) expect(html).toContain(`<li id="fn-${n}">`);
  });
});

describe('search: evaluations', () => {
  it('finds an evaluation by its comment and links to its row on the node page', async () => {
    const html = await page(`/search?q=${encodeURIComponent('利用者の声')}`);
    expect(html).toContain('行政評価委員会による評価: 子育ての柱');
    expect(html).toContain('href="/nodes/evaluation-plan.p1#evaluation-p1-external-2020"');
    const api = (await (
      await fixture.app.request(`/api/v1/search?q=${encodeURIComponent('行政改革推進本部')}`)
    ).json()) as { results: { type: string; url: string }[] };
    expect(api.results).toContainEqual(
      expect.objectContaining({
        type: 'evaluation',
        url: '/nodes/evaluation-plan.p1.a#evaluation-a-internal-2020',
      }),
    );
  });
});
