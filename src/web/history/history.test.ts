/** `/history/{entity}/{id}` on SQLite and PostgreSQL: published changes only, oldest first; 404 for the unknown. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { largeFixture } from '../../../test/helpers/large-fixture.ts';
import { openStaffTestApp, type StaffTestApp } from '../../../test/helpers/staff-app.ts';
import { importTableFile } from '../../io/table-import/index.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import { createApp } from '../app.tsx';

describe.each(testDatabases)('public history on $name', (database) => {
  let t: StaffTestApp;
  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
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
    const imported = html.indexOf('<strong>取り込み</strong>');
    const change = html.indexOf('<strong>変更を公開</strong>');
    expect(imported).toBeGreaterThan(-1);
    expect(change).toBeGreaterThan(imported);
    // The wording as a diff: the old title struck through, the new one marked as added.
    expect(html.slice(change)).toMatch(
      new RegExp(
        `<th scope="row">名称</th><td><del>${original}</del></td><td><ins>draft-title-not-public</ins></td>`,
      ),
    );
    expect(html).toContain('表記の修正');
    expect(html).toContain('admin');
  });

  it('names a cited document by its title, keeping its id beside it', async () => {
    const record = await t.editing.getRecord('node', t.outside.id);
    const documentId = JSON.stringify(record?.data).match(/"documentId":"([^"]+)"/)?.[1];
    expect(documentId, 'the demo node cites a document').toBeDefined();
    const document = await t.store.getDocument(documentId ?? '');
    const html = await (await t.app.request(`/history/node/${t.outside.id}`)).text();
    expect(html).toContain(`「${document?.title}」 <code>${documentId}</code>`);
  });

  it('shows the chain head to keep, the same the exports publish', async () => {
    const head = await t.store.historyHead();
    expect(head.seq).toBeGreaterThan(0);
    const html = await (await t.app.request(`/history/node/${t.outside.id}`)).text();
    expect(html).toContain(`<code>${head.seq}:${head.hash}</code>`);
  });

  it('shows a revision whose JSON no longer parses as broken, naming its seq, instead of answering 500', async () => {
    const db = withEditingTables(t.db);
    const row = await db
      .selectFrom('revision')
      .select(['seq', 'after'])
      .where('entity', '=', 'node')
      .where('entity_id', '=', t.outside.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('revision')
      .set({ after: `${row.after}}` })
      .where('seq', '=', row.seq)
      .execute();
    const res = await t.app.request(`/history/node/${t.outside.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('この変更履歴は壊れていて読めません');
    expect(html).toContain(`変更履歴 seq ${row.seq} の JSON が読めません`);
  });

  it('answers 404 for an unknown entity or record', async () => {
    expect((await t.app.request(`/history/people/${t.outside.id}`)).status).toBe(404);
    expect((await t.app.request('/history/node/no-such-node')).status).toBe(404);
  });

  describe('a table import too large for a revision per record', () => {
    // Enough rows that the old field-by-field view printed over 200 kB of JSON in the revision's cells.
    const rows = 10_000;
    const row = (...cells: string[]) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;

    async function importCsv(csv: string) {
      const outcome = await importTableFile(t.db, new TextEncoder().encode(csv), {
        publish: true,
        confirmWarnings: 'all',
        file: 'obs.csv',
      });
      if (!outcome.committed) throw new Error(JSON.stringify(outcome.report.errors));
      return outcome.report.counts;
    }

    async function planHistory() {
      const res = await t.app.request('/history/plan/sample-first');
      expect(res.status).toBe(200);
      return res.text();
    }

    it('shows the file, the counts and the first records, in a small page', async () => {
      const fixture = largeFixture(rows, 50);
      await saveOrganizationDocument(t.db, fixture.dataset);
      await importCsv(fixture.csv);
      const html = await planHistory();
      expect(html.length).toBeLessThan(200_000);
      // The plan's own first revision is an ordinary record, still shown field by field: being new, with its
      // values only, not beside a column of （なし）.
      expect(html).toContain('<th scope="row">名称</th><td>最初の計画</td></tr>');
      expect(html).toContain('<th scope="col">項目</th><th scope="col">内容</th></tr>');
      const summary = html.slice(html.indexOf('ファイル: obs.csv'));
      expect(summary).toContain('追加 10,000件 · 更新 0件 · 変更なし 0件');
      expect(summary).toContain('<h2>指標の値</h2>');
      // Grouped by indicator: bench.i.0's twentieth month is row 950 of the file, printed from 951.
      expect(summary).toContain(row('bench.i.0:observation@2001-08', 'bench.i.0', '2001-08', '951', '951件'));
      expect(summary).not.toContain('bench.i.0:observation@2001-09');
      expect(summary).toContain('ほか9,980件');
      expect(summary).not.toContain('&quot;prefixed&quot;');
    });

    it('lists the updated records of a re-import apart from the created ones', async () => {
      const fixture = largeFixture(rows, 50);
      await saveOrganizationDocument(t.db, fixture.dataset);
      await importCsv(fixture.csv);
      // Only the indicators counted in 件 (every fourth) change: 2,600 of the 10,000 rows.
      const changed = fixture.csv.replace(/,"(\d+)件",/g, (_, n: string) => `,"${Number(n) * 2}件",`);
      expect(await importCsv(changed)).toEqual({ created: 0, updated: 2_600, unchanged: 7_400, rejected: 0 });
      const html = await planHistory();
      const summary = html.slice(html.lastIndexOf('ファイル: obs.csv'));
      expect(summary).toContain('追加 0件 · 更新 2,600件 · 変更なし 7,400件');
      expect(summary).toContain('<caption>更新: 最初の20件</caption>');
      expect(summary).not.toContain('<caption>追加');
      expect(summary).toContain(row('bench.i.0:observation@2000-01', 'bench.i.0', '2000-01', '2', '2件'));
      expect(summary).toContain('ほか2,580件');
    });
  });

  describe('without the staff side', () => {
    const historyLink = (id: string) => `href="/history/node/${encodeURIComponent(id)}"`;

    it('serves the history from a read-only reader, and the node page links to it', async () => {
      const app = createApp({ store: t.store, history: t.editing });
      expect((await app.request('/admin')).status).toBe(404);
      const res = await app.request(`/history/node/${t.outside.id}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<strong>取り込み</strong>');
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
