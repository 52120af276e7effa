import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const html = async (path: string) => (await demo.app.request(path)).text();

describe('GET /nodes/{id} figures', () => {
  it('shows the ふるさと納税 ratio with the rule that made it, never a bare rate', async () => {
    const body = await html('/nodes/mirai-2016.p1.finance');
    expect(body).toMatch(
      /<dt>倍率<\/dt><dd><strong class="figure-value">50\.5倍<\/strong><span class="figure-rule">計算方法: 倍率 = 実績 ÷ 基準/,
    );
    for (const match of body.matchAll(/<strong class="figure-value">([^<]*%)<\/strong>/g)) {
      const after = body.slice(
        (match.index ?? 0) + match[0].length,
        (match.index ?? 0) + match[0].length + 40,
      );
      expect(after, match[1]).toContain('class="figure-rule"');
    }
  });

  it('draws each indicator’s chart without style attributes, which the CSP would block', async () => {
    const body = await html('/nodes/mirai-2016.p1.finance');
    expect(body).toContain('<div class="indicator-chart"><div class="chart-narrow"><svg');
    expect(body).not.toContain(' style="');
  });

  it('marks figures printed by the source as 報告値', async () => {
    const body = await html('/nodes/mirai-2016.p1.overtime');
    expect(body).toContain('<span class="reported">報告値</span>');
    expect(body).toContain('超過勤務時間削減 -12.81%');
  });

  it('lists achievements as a timeline, oldest first, in 西暦（和暦）', async () => {
    const context = await demo.store.getNode('ashiato-2024.p01');
    const withDates = [context?.node, ...(context?.node.children ?? [])].find(
      (n) => new Set(n?.achievements.map((a) => a.date)).size > 1,
    );
    if (!withDates) return expect.fail('demo has no node with achievements of different dates');
    const body = await html(`/nodes/${withDates.id}`);
    const timeline = body.slice(body.indexOf('<ol class="timeline">'));
    const dates = [...timeline.matchAll(/<time datetime="([^"]+)">/g)].map((m) => m[1] ?? '');
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort()).toEqual(dates);
    expect(timeline).toMatch(/年.*（(平成|令和)/);
  });
});
