/** `/history/{entity}/{id}` on SQLite and PostgreSQL: published changes only, oldest first; 404 for the unknown. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { createApp } from '../app.tsx';
import { openStaffTestApp, type StaffTestApp } from '../auth/testing.ts';

describe.each(testDatabases)('public history on $name', (database) => {
  let t: StaffTestApp;
  beforeEach(async () => {
    t = await openStaffTestApp(database.open);
  });
  afterEach(() => t.close());

  async function saveTitle(title: string) {
    const record = await t.editing.getRecord('node', t.outside.id);
    const data = { ...(record?.data as object), title };
    const saved = await t.editing.saveChange(t.users.editor, {
      entity: 'node',
      action: 'update',
      id: t.outside.id,
      data,
      version: record?.version ?? null,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return saved.value;
  }

  it('keeps the original wording visible and hides drafts until they are published', async () => {
    const original = t.outside.title;
    const draft = await saveTitle('draft-title-not-public');
    const beforePublish = await (await t.app.request(`/history/node/${t.outside.id}`)).text();
    expect(beforePublish).toContain(original);
    expect(beforePublish).not.toContain('draft-title-not-public');

    const published = await t.editing.publish(t.users.admin, [draft.id], '表記の修正');
    expect(published.ok).toBe(true);
    const html = await (await t.app.request(`/history/node/${t.outside.id}`)).text();
    const imported = html.indexOf('取り込み (imported)');
    const change = html.indexOf('公開 (published)');
    expect(imported).toBeGreaterThan(-1);
    expect(change).toBeGreaterThan(imported);
    expect(html.slice(change)).toMatch(
      new RegExp(`<th scope="row">title</th><td>${original}</td><td>draft-title-not-public</td>`),
    );
    expect(html).toContain('表記の修正');
    expect(html).toContain('admin');
  });

  it('answers 404 for an unknown entity or record', async () => {
    expect((await t.app.request(`/history/people/${t.outside.id}`)).status).toBe(404);
    expect((await t.app.request('/history/node/no-such-node')).status).toBe(404);
  });

  describe('without the staff side', () => {
    const historyLink = (id: string) => `href="/history/node/${encodeURIComponent(id)}"`;

    it('serves the history from a read-only reader, and the node page links to it', async () => {
      const app = createApp({ store: t.store, history: t.editing });
      expect((await app.request('/admin')).status).toBe(404);
      const res = await app.request(`/history/node/${t.outside.id}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('取り込み (imported)');
      const page = await (await app.request(`/nodes/${t.outside.id}`)).text();
      expect(page).toContain(historyLink(t.outside.id));
    });

    it('has no /history and no history link when given no reader', async () => {
      const app = createApp({ store: t.store });
      expect((await app.request(`/history/node/${t.outside.id}`)).status).toBe(404);
      const page = await (await app.request(`/nodes/${t.outside.id}`)).text();
      expect(page).toContain(t.outside.title);
      expect(page).not.toContain('/history/');
    });
  });
});
