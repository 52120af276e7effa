/** Staff stories through the admin forms, on SQLite and PostgreSQL: drafts, validation, 409s, CSRF, escaping. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  findNode,
  openStaffTestApp,
  postForm,
  type SignedIn,
  type StaffTestApp,
  signIn,
} from '../../../test/helpers/staff-app.ts';
import type { EditingEntity } from '../../domain/editing/records.ts';
import { valueLabel } from '../history/field-labels.ts';
import { formValues } from './form-values.ts';

const payload = '<script>alert(1)</script>';

describe.each(testDatabases)('admin forms on $name', (database) => {
  let t: StaffTestApp;
  let editor: SignedIn;
  let admin: SignedIn;

  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    editor = await signIn(t.app, 'editor');
    admin = await signIn(t.app, 'admin');
  });
  afterEach(() => t.close());

  async function stored(entity: EditingEntity, id: string) {
    const record = await t.editing.getRecord(entity, id);
    if (!record?.data) throw new Error(`${entity} ${id} not stored`);
    return record;
  }

  /** Submits the record's edit form as the editor would: what is stored, with `changes` typed over it. */
  async function submitEdit(
    who: SignedIn,
    entity: EditingEntity,
    id: string,
    changes: Record<string, string>,
    version?: number,
  ) {
    const record = await stored(entity, id);
    const fields = {
      ...formValues(entity, record.data),
      ...changes,
      version: String(version ?? record.version),
    };
    return postForm(t.app, `/admin/records/${entity}/${id}`, who, fields);
  }

  const policy = () => {
    const found = findNode(t.outside.children, (n) => n.kind === 'policy') ?? t.outside;
    return found;
  };

  describe('saving', () => {
    it('keeps an editor’s change as a draft, badged for staff and absent from the public page', async () => {
      const node = policy();
      const res = await submitEdit(editor, 'node', node.id, { description: '下書きの説明 draft-only' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/admin/plans/${t.planId}`);
      const page = await (
        await t.app.request(`/admin/plans/${t.planId}`, { headers: { cookie: editor.cookie } })
      ).text();
      expect(page).toContain('下書き (draft)');
      expect(page).toContain(node.title);
      const publicPage = await (await t.app.request(`/nodes/${node.id}`)).text();
      expect(publicPage).not.toContain('draft-only');
    });

    it('re-renders an unreadable number with what was typed and a message on the field (400)', async () => {
      const res = await postForm(t.app, '/admin/records/indicatorValue', editor, {
        ...formValues('indicatorValue', {}),
        id: 'obs-typed',
        value: 'たくさん',
        'source.documentId': 'komoro-pride-vol5',
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('value="たくさん"');
      expect(html).toMatch(/f-value-error[^>]*>[^<]*数値ではありません/);
    });

    it('refuses a javascript: URL in a source with a message on the field (400)', async () => {
      const source = await t.db.selectFrom('source').select('id').executeTakeFirstOrThrow();
      const res = await submitEdit(editor, 'source', source.id, { url: 'javascript:alert(1)' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toMatch(
        /f-url-error[^>]*>「url」の URL は http: か https:[^<]*\(url: only http: and https:/,
      );
      expect(html).not.toMatch(/href="javascript:/i);
    });

    it('refuses a title over 500 characters with the limit beside the field (400)', async () => {
      const res = await submitEdit(editor, 'node', policy().id, { title: '長'.repeat(501) });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(
        /f-title-error[^>]*>「title」は 500 文字以内にしてください \(title is longer/,
      );
    });

    it('puts the store’s validation message beside the field (400)', async () => {
      const res = await submitEdit(editor, 'node', policy().id, { title: '' });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/f-title-error[^>]*>「名称 \(title\)」/);
    });
  });

  describe('publishing', () => {
    it('answers 404 for a plan that does not exist', async () => {
      const res = await postForm(t.app, '/admin/plans/no-such-plan/publish', admin, {});
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('no-such-plan');
    });
  });

  describe('conflicts', () => {
    it('answers 409 with both versions side by side and the typed text kept; nothing is overwritten', async () => {
      const node = policy();
      const start = (await stored('node', node.id)).version;
      expect(
        (await submitEdit(admin, 'node', node.id, { description: '先に保存 first' }, start)).status,
      ).toBe(303);
      const res = await submitEdit(editor, 'node', node.id, { description: '後から second' }, start);
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toContain('先に保存 first');
      expect(html).toContain('後から second');
      expect(html).toContain('name="version" value="');
      const after = await stored('node', node.id);
      expect((after.data as { description?: string }).description).toBe('先に保存 first');
    });
  });

  describe('CSRF', () => {
    it('refuses a form without its token (403) and writes nothing', async () => {
      const node = policy();
      const record = await stored('node', node.id);
      const fields = {
        ...formValues('node', record.data),
        title: 'no token',
        version: String(record.version),
      };
      const res = await postForm(t.app, `/admin/records/node/${node.id}`, editor, fields, true);
      expect(res.status).toBe(403);
      expect((await stored('node', node.id)).data).toEqual(record.data);
    });

    it('refuses another session’s token', async () => {
      const res = await postForm(t.app, '/logout', { cookie: editor.cookie, csrf: admin.csrf }, {});
      expect(res.status).toBe(403);
    });
  });

  describe('publishing and escaping', () => {
    it('renders a <script> payload in every text field inert on the admin, public and history pages', async () => {
      const node = policy();
      const texts = {
        title: payload,
        titleEn: payload,
        code: payload,
        slogan: payload,
        visionPhrase: payload,
        description: payload,
      };
      expect((await submitEdit(editor, 'node', node.id, texts)).status).toBe(303);
      const achievement = {
        ...formValues('achievement', {}),
        id: 'xss-achievement',
        nodeId: node.id,
        position: '0',
        title: payload,
        dateBasis: 'reported',
        details: payload,
        note: payload,
        'source.documentId': 'komoro-pride-vol5',
        'source.section': payload,
        'source.quote': payload,
      };
      expect((await postForm(t.app, '/admin/records/achievement', editor, achievement)).status).toBe(303);
      const adminPage = await (
        await t.app.request(`/admin/plans/${t.planId}`, { headers: { cookie: editor.cookie } })
      ).text();
      const editPage = await (
        await t.app.request(`/admin/records/node/${node.id}`, { headers: { cookie: editor.cookie } })
      ).text();

      const drafts = (await t.editing.listDrafts(t.planId)).map((d) => d.id);
      const publish = await postForm(t.app, `/admin/plans/${t.planId}/publish`, admin, { draftIds: drafts });
      expect(publish.status).toBe(303);
      const publicPage = await (await t.app.request(`/nodes/${node.id}`)).text();
      const historyPage = await (await t.app.request(`/history/node/${node.id}`)).text();
      for (const html of [adminPage, editPage, publicPage, historyPage]) {
        expect(html).not.toContain('<script>alert(1)</script>');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      }
    });

    it('lets only an admin publish; the public page and history then show the change', async () => {
      const node = policy();
      const before = (await stored('node', node.id)).data as { status: string | null };
      const status = before.status === 'done' ? 'in_progress' : 'done';
      expect((await submitEdit(editor, 'node', node.id, { status })).status).toBe(303);
      const drafts = (await t.editing.listDrafts(t.planId)).map((d) => d.id);
      expect(
        (await postForm(t.app, `/admin/plans/${t.planId}/publish`, editor, { draftIds: drafts })).status,
      ).toBe(403);
      const publicPage = async () => (await t.app.request(`/nodes/${node.id}`)).text();
      expect(await publicPage()).not.toContain(`status-${status}`);
      const publish = { draftIds: drafts, reason: '会報で完了を確認' };
      expect((await postForm(t.app, `/admin/plans/${t.planId}/publish`, admin, publish)).status).toBe(303);
      // Through the page cache: publishing must make the cached public page stale.
      expect(await publicPage()).toContain(`status-${status}`);
      const history = await (await t.app.request(`/history/node/${node.id}`)).text();
      expect(history).toContain('会報で完了を確認');
      // In words: 状況 (not `status`), 完了 (not `done`).
      const words = (code: string | null) => (code ? valueLabel('node', 'status', code, 'ja') : '（なし）');
      expect(history).toContain(
        `<th scope="row">状況</th><td>${words(before.status)}</td><td>${words(status)}</td>`,
      );
    });
  });

  describe('caching', () => {
    it('marks staff pages and any page answered to a session holder no-store', async () => {
      const adminPage = await t.app.request(`/admin/plans/${t.planId}`, {
        headers: { cookie: editor.cookie },
      });
      expect(adminPage.headers.get('cache-control')).toBe('no-store');
      const publicPage = await t.app.request(`/nodes/${policy().id}`, { headers: { cookie: editor.cookie } });
      expect(publicPage.headers.get('cache-control')).toBe('no-store');
      expect((await t.app.request('/login')).headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('the revision chain', () => {
    it('verifies after edits through the web and fails once a revision row is altered in the database', async () => {
      expect((await submitEdit(editor, 'node', policy().id, { description: 'chain' })).status).toBe(303);
      const drafts = (await t.editing.listDrafts(t.planId)).map((d) => d.id);
      expect(
        (await postForm(t.app, `/admin/plans/${t.planId}/publish`, admin, { draftIds: drafts })).status,
      ).toBe(303);
      expect(await t.editing.verifyChain()).toMatchObject({ ok: true });
      const { withEditingTables } = await import('../../store/editing/tables.ts');
      const db = withEditingTables(t.db);
      const last = await db
        .selectFrom('revision')
        .select('seq')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      await db.updateTable('revision').set({ reason: 'tampered' }).where('seq', '=', last.seq).execute();
      expect(await t.editing.verifyChain()).toMatchObject({ ok: false });
    });
  });
});
