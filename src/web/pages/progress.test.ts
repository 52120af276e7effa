/**
 * Issue 15's reader check: on every pillar page of the demo's 2016 manifesto a reader finds how many promises are
 * rated, how many are done, how many achievements are recorded and which documents say so; a promise the
 * follow-up record marks done shows that status, linked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';
import type { PlanNode } from '../../domain/model.ts';
import { nodesOf } from '../../domain/plan-tree.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/**
 * Every 2016 node id with the stated status of a node that continues it, read straight from the data: the
 * follow-up record (小泉市政2期8年の足跡, which follows the 2016 plan) first, else the 2024 manifesto.
 */
async function laterStatuses(): Promise<Map<string, string>> {
  const later = new Map<string, string>();
  for (const id of ['mirai-2024', 'ashiato-2024']) {
    const plan = await demo.store.getPlan(id);
    for (const node of nodesOf(plan?.nodes ?? [])) {
      if (node.status === null) continue;
      for (const earlier of node.continues) later.set(earlier, node.status);
    }
  }
  return later;
}

/** Nodes below a pillar that a status is counted for: those with a status of their own, and leaves. */
function counted(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [
    ...(n.status !== null || n.children.length === 0 ? [n] : []),
    ...counted(n.children),
  ]);
}

describe('the reader check on the pillars of こもろ未来プロジェクト (2016)', async () => {
  it('states on each pillar page how many are rated and done, the achievements, and where each comes from', async () => {
    const plan = await demo.store.getPlan('mirai-2016');
    const later = await laterStatuses();
    const documents = new Map((await demo.store.listDocuments('komoro')).map((d) => [d.id, d]));
    expect(plan?.nodes.length).toBeGreaterThan(0);
    for (const pillar of plan?.nodes ?? []) {
      const html = await (await demo.app.request(`/nodes/${pillar.id}`)).text();
      const words = text(html);
      const items = counted(pillar.children);
      const statusOf = (n: PlanNode) => n.status ?? later.get(n.id) ?? null;
      const rated = items.filter((n) => statusOf(n) !== null);
      const done = items.filter((n) => statusOf(n) === 'done');
      const achievements = nodesOf([pillar]).flatMap((n) => n.achievements);
      expect(words, pillar.id).toContain(`評価済み ${rated.length} / ${items.length}件`);
      expect(words, pillar.id).toContain(`完了 ${done.length}件・取り組み実績 ${achievements.length}件`);
      // Each figure with its source in words: title, publisher and kind, never the document's id.
      const statusDocs = new Set(
        items.flatMap((n) => {
          if (n.status !== null) return n.statusSource ? [n.statusSource.documentId] : [];
          return later.has(n.id) ? ['komoro-brand-vol10'] : [];
        }),
      );
      const sourcesLine = words.slice(words.indexOf('状況の出典:'), words.indexOf('取り組み実績の出典:'));
      if (statusDocs.size === 0) expect(sourcesLine).toContain('状況を示した資料はありません');
      for (const id of statusDocs) expect(sourcesLine).toContain(documents.get(id)?.title);
      const achievementLine = words.slice(words.indexOf('取り組み実績の出典:'));
      for (const id of new Set(achievements.map((a) => a.source.documentId))) {
        expect(achievementLine).toContain(
          `${documents.get(id)?.title}（${documents.get(id)?.publisher}・後援会などの政治活動の資料）`,
        );
      }
      if (achievements.length === 0) expect(achievementLine).toContain('記録された取り組み実績はありません');
      // …and a rule for every count.
      expect(words, pillar.id).toContain(
        `集計方法: 対象${items.length}件のうち状況が示されているのは${rated.length}件`,
      );
      expect(words).not.toMatch(/komoro-(pride|brand)-vol\d+ \d+行目/);
    }
  });

  it('keeps the rate of a plan rated under half out of the headline and says why', async () => {
    const html = await (await demo.app.request('/plans/mirai-2016')).text();
    // The plan's own rollup comes before its first pillar.
    const words = text(html.slice(0, html.indexOf('class="pillar"')));
    expect(words).toMatch(/評価済み (\d+) \/ 35件（未評価 (\d+)件）/);
    expect(words).toContain('評価済みが半分未満のため実施率は見出しにしません');
    expect(words).not.toMatch(/実施率: \d/);
  });

  it('shows a promise left 未評価 in 2016 but done in the follow-up record as 「小泉市政2期8年の足跡」で完了, linked', async () => {
    const later = await laterStatuses();
    const plan = await demo.store.getPlan('mirai-2016');
    const carried = nodesOf(plan?.nodes ?? []).find(
      (n) => n.kind === 'policy' && n.status === null && later.get(n.id) === 'done',
    );
    if (!carried) throw new Error('the demo has no 2016 promise done in the later record');
    const ashiato = await demo.store.getPlan('ashiato-2024');
    const continuing = nodesOf(ashiato?.nodes ?? [])
      .filter((n) => n.status === 'done' && n.continues.includes(carried.id))
      .map((n) => n.id);
    const html = await (await demo.app.request(`/nodes/${carried.id}`)).text();
    const link = html.match(
      /<a class="later-status" href="\/nodes\/([^"]+)">「小泉市政2期8年の足跡」で完了<\/a>/,
    );
    expect(continuing).toContain(link?.[1]);
    expect(text(html)).toContain('後の計画での根拠: 出典: 小諸ぶらんど通信 VOL.10');
    // The plan page lists it the same way.
    const planHtml = await (await demo.app.request('/plans/mirai-2016')).text();
    expect(planHtml).toContain(`href="/nodes/${link?.[1]}">「小泉市政2期8年の足跡」で完了</a>`);
  });

  it('makes the rate a headline on a pillar rated over half', async () => {
    const words = text(await (await demo.app.request('/nodes/mirai-2016.p5')).text());
    expect(words).toContain('評価済み 3 / 4件（未評価 1件）');
    expect(words).toContain('実施率: 100.0%（評価済み3件のうち3件）');
  });

  it('says a plan whose promises are all 予定 with nothing recorded has not started, with no bar', async () => {
    const html = await (await demo.app.request('/')).text();
    const current = html.slice(html.indexOf('class="current-plan"'));
    expect(text(current)).toContain('まだ始まっていません。');
    expect(current.slice(0, current.indexOf('</section>'))).not.toContain('class="status-bar"');
  });
});

describe('indicator figures a reader can read', () => {
  it('collapses what cannot be computed into one line in plain Japanese, with caveats and the campaign label', async () => {
    const html = await (await demo.app.request('/nodes/mirai-2016.p1.finance')).text();
    const words = text(html);
    expect(words).toContain('達成率・評価は計算できません（目標値がありません）。');
    expect(words).not.toContain('(no target)');
    expect(words).not.toMatch(/［|\[<?\d{4}|\[FY/);
    expect(words).toContain('注意（倍率・増減率・増減）: 基準値の時点は「2016年4月以前」としか分からない。');
    expect(words.match(/としか分からない/g)).toHaveLength(1);
    expect(words).toContain('この指標の値は、後援会などの政治活動の資料によるものです');
    expect(html.match(/class="figure figure-missing"/g)).toBeNull();
  });

  it('speaks English on English pages', async () => {
    const words = text(await (await demo.app.request('/nodes/mirai-2016.p1.finance?lang=en')).text());
    expect(words).toContain('Achievement rate, Rating: not computed (no target).');
    expect(words).toContain(
      'Caveat (Ratio, Percent change, Difference): the earlier value is dated only as “before April 2016”',
    );
    expect(words).toContain('campaign material');
  });
});
