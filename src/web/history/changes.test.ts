/**
 * 「最近の変更」 and the Atom feeds on SQLite and PostgreSQL: a published edit made here is listed, newest first,
 * with its wording diffed on its history page; a save that changed nothing leaves no entry anywhere.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { openStaffTestApp, type StaffTestApp } from '../../../test/helpers/staff-app.ts';

describe.each(testDatabases)('recent changes and feeds on $name', (database) => {
  let t: StaffTestApp;
  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
  });
  afterEach(() => t.close());

  async function saveNode(change: Record<string, unknown>, reason?: string) {
    const record = await t.editing.getRecord('node', t.outside.id);
    const saved = await t.editing.saveChange(t.users.editor, {
      entity: 'node',
      action: 'update',
      id: t.outside.id,
      data: { ...(record?.data as object), ...change },
      version: record?.version ?? null,
      ...(reason ? { reason } : {}),
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return saved.value;
  }

  async function publishNode(change: Record<string, unknown>, reason: string) {
    const draft = await saveNode(change);
    const published = await t.editing.publish(t.users.admin, [draft.id], reason);
    if (!published.ok) throw new Error(JSON.stringify(published.error));
  }

  const text = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    return res.text();
  };

  it('writes no revision for a save or a publish that changed nothing, and hides old empty ones', async () => {
    const before = await t.editing.listRevisions('node', t.outside.id);
    const draft = await saveNode({});
    expect(await t.editing.listRevisions('node', t.outside.id)).toHaveLength(before.length);
    expect((await t.editing.publish(t.users.admin, [draft.id], '保存しただけ')).ok).toBe(true);
    expect(await t.editing.listRevisions('node', t.outside.id)).toHaveLength(before.length);
    const html = await text(`/history/node/${t.outside.id}`);
    expect(html).not.toContain('保存しただけ');
    expect(html).not.toContain('変更を公開');
  });

  it('lists a published edit on /changes, newest first, linked to its history, in JST and in words', async () => {
    await publishNode({ title: '自治会と市政の連携をさらに強化', status: 'done' }, '議会で承認');
    const html = await text('/changes');
    const first = html.indexOf('<li class="change">');
    expect(first).toBeGreaterThan(-1);
    const entry = html.slice(first, html.indexOf('</li>', first));
    expect(entry).toContain('<strong>変更を公開</strong>');
    expect(entry).toContain('議会で承認');
    expect(entry).toContain(`href="/history/node/${t.outside.id}#seq-`);
    expect(entry).toContain('名称、状況');
    // JST, in words: the stored instant is UTC.
    const at = /<time datetime="([^"]+)">([^<]+)<\/time>/.exec(entry);
    const jst = new Date(new Date(at?.[1] ?? '').getTime() + 9 * 3600_000);
    const hhmm = `${String(jst.getUTCHours()).padStart(2, '0')}:${String(jst.getUTCMinutes()).padStart(2, '0')}`;
    expect(at?.[2]).toBe(`${jst.getUTCFullYear()}年${jst.getUTCMonth() + 1}月${jst.getUTCDate()}日 ${hhmm}`);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/feed.atom"');

    const history = await text(`/history/node/${t.outside.id}`);
    expect(history).toContain('<th scope="row">状況</th><td>（なし）</td><td>完了</td>');
    expect(history).toMatch(/<th scope="row">名称<\/th><td>[^<]*自治会と市政の連携[^<]*<\/td><td>.*<ins>/);
    const english = await text(`/history/node/${t.outside.id}?lang=en`);
    expect(english).toContain('<th scope="row">Status</th><td>(none)</td><td>Done</td>');
    expect(english).toMatch(/<time datetime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d JST<\/time>/);
  });

  it('pages back with ?before and refuses a bad one', async () => {
    const first = await text('/changes');
    const older = /href="\/changes\?before=(\d+)"/.exec(first);
    expect(older).not.toBeNull();
    const second = await text(`/changes?before=${older?.[1]}`);
    expect(second).toContain('href="/changes"');
    const seqs = (html: string) => [...html.matchAll(/#seq-(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...seqs(second))).toBeLessThan(Math.min(...seqs(first)));
    expect((await t.app.request('/changes?before=abc')).status).toBe(400);
  });

  it('serves a valid Atom feed, site-wide, per organization and per plan, listing the published edit', async () => {
    await publishNode({ title: '連携 <強化> & "確認"' }, '理由 <b>太字</b> & 記号');
    for (const path of ['/feed.atom', '/organizations/komoro/feed.atom', `/plans/${t.planId}/feed.atom`]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const xml = await res.text();
      const feed = parseFeed(xml);
      expect(feed.meta.type).toBe('atom');
      expect(feed.self).toBe(`http://localhost${path}`);
      expect(feed.updated).toBeInstanceOf(Date);
      const [newest] = feed.items;
      expect(newest?.title).toBe('変更を公開: 連携 <強化> & "確認"');
      expect(newest?.url).toMatch(new RegExp(`^http://localhost/history/node/${t.outside.id}#seq-\\d+$`));
      expect(newest?.id).toBe(newest?.url);
      expect(newest?.updated).toBeInstanceOf(Date);
      expect(newest?.description).toContain('理由 <b>太字</b> & 記号');
      expect(newest?.authors[0]?.name).toBe('admin');
      // Every entry has what RFC 4287 requires, and ids are unique.
      const ids = feed.items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of feed.items) expect([item.id, item.title, item.updated]).not.toContain(null);
      expect(xml).not.toContain('<b>');
    }
    // Another plan's feed does not carry the edit.
    const other = (await t.store.listPlans()).find((plan) => plan.id !== t.planId);
    const otherFeed = parseFeed(await text(`/plans/${other?.id}/feed.atom`));
    expect(otherFeed.items.map((item) => item.title)).not.toContain('変更を公開: 連携 <強化> & "確認"');
    expect((await t.app.request('/plans/no-such-plan/feed.atom')).status).toBe(404);
    expect((await t.app.request('/organizations/no-such-city/feed.atom')).status).toBe(404);
  });
});
