/** Plan settings, moving nodes and managing users through the admin pages, on SQLite and PostgreSQL. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  openStaffTestApp,
  postForm,
  type SignedIn,
  type StaffTestApp,
  signIn,
} from '../../../test/helpers/staff-app.ts';
import { formValues } from './form-values.ts';

describe.each(testDatabases)('admin pages on $name', (database) => {
  let t: StaffTestApp;
  let admin: SignedIn;

  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    admin = await signIn(t.app, 'admin');
  });
  afterEach(() => t.close());

  describe('plan settings', () => {
    it('saves the achievement formula and rating thresholds as a draft of the plan', async () => {
      const plan = await t.editing.getRecord('plan', t.planId);
      const ratingScale = { name: 'A-B', grades: [{ grade: 'A', min: 1 }], below: { grade: 'B' } };
      const fields = {
        ...formValues('plan', plan?.data),
        achievementFormula: 'progress_from_baseline',
        ratingScale: JSON.stringify(ratingScale),
        version: String(plan?.version),
      };
      expect((await postForm(t.app, `/admin/records/plan/${t.planId}`, admin, fields)).status).toBe(303);
      const stored = await t.editing.getRecord('plan', t.planId);
      expect(stored?.draft?.action).toBe('update');
      expect(stored?.data).toMatchObject({ achievementFormula: 'progress_from_baseline', ratingScale });
    });

    it('keeps unreadable JSON as typed and names the field (400)', async () => {
      const plan = await t.editing.getRecord('plan', t.planId);
      const fields = {
        ...formValues('plan', plan?.data),
        statusVocabulary: '[{"code": ',
        version: String(plan?.version),
      };
      const res = await postForm(t.app, `/admin/records/plan/${t.planId}`, admin, fields);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('[{&quot;code&quot;: ');
      expect(html).toMatch(/f-statusVocabulary-error[^>]*>[^<]*JSON/);
    });
  });

  describe('moving nodes', () => {
    it('swaps a pillar with the one above it', async () => {
      const before = (await t.editing.getPlanWithDrafts(t.planId))?.plan.nodes.map((n) => n.id) ?? [];
      const res = await postForm(t.app, `/admin/nodes/${t.outside.id}/move`, admin, { direction: 'up' });
      expect(res.status).toBe(303);
      const after = (await t.editing.getPlanWithDrafts(t.planId))?.plan.nodes.map((n) => n.id) ?? [];
      const at = before.indexOf(t.outside.id);
      expect(after.indexOf(t.outside.id)).toBe(at - 1);
      expect(after.indexOf(t.inside.id)).toBe(at);
    });

    it('moves a node under another parent at a position', async () => {
      const child = t.outside.children[0];
      if (!child) throw new Error('the demo pillar has no children');
      const res = await postForm(t.app, `/admin/nodes/${child.id}/move`, admin, {
        parentId: t.inside.id,
        position: '0',
      });
      expect(res.status).toBe(303);
      const view = await t.editing.getPlanWithDrafts(t.planId);
      const childrenOf = (id: string) =>
        view?.plan.nodes.find((n) => n.id === id)?.children.map((n) => n.id) ?? [];
      // Position is a sort key: equal keys keep the store's order, so only the new parent is certain.
      expect(childrenOf(t.inside.id)).toContain(child.id);
      expect(childrenOf(t.outside.id)).not.toContain(child.id);
      expect(view?.drafts[child.id]?.action).toBe('update');
    });
  });

  describe('drafts', () => {
    it('lets an editor discard a draft, leaving the published record as it was', async () => {
      const editor = await signIn(t.app, 'editor');
      const record = await t.editing.getRecord('node', t.outside.id);
      const fields = {
        ...formValues('node', record?.data),
        title: 'to be discarded',
        version: String(record?.version),
      };
      expect((await postForm(t.app, `/admin/records/node/${t.outside.id}`, editor, fields)).status).toBe(303);
      const [draft] = await t.editing.listDrafts(t.planId);
      if (!draft) throw new Error('no draft saved');
      const stale = await postForm(t.app, `/admin/drafts/${draft.id}/discard`, editor, {
        version: String(draft.version + 1),
      });
      expect(stale.status).toBe(409);
      const res = await postForm(t.app, `/admin/drafts/${draft.id}/discard`, editor, {
        version: String(draft.version),
      });
      expect(res.status).toBe(303);
      expect(await t.editing.listDrafts(t.planId)).toEqual([]);
      expect((await t.editing.getRecord('node', t.outside.id))?.data).toEqual(record?.data);
    });
  });

  describe('users', () => {
    it('adds a user, changes the role and disables them', async () => {
      const added = await postForm(t.app, '/admin/users', admin, {
        login: 'sato',
        password: 'a-long-enough-password',
        role: 'viewer',
        nodeIds: '',
      });
      expect(added.status).toBe(303);
      const sato = await t.accounts.findUserByLogin('sato');
      if (!sato) throw new Error('sato was not added');
      const scope = `${t.inside.id} ${t.outside.id}`;
      await postForm(t.app, `/admin/users/${sato.id}`, admin, { role: 'editor', nodeIds: scope });
      expect(await t.accounts.getUser(sato.id)).toMatchObject({
        role: 'editor',
        nodeIds: [t.inside.id, t.outside.id],
      });
      await postForm(t.app, `/admin/users/${sato.id}/disable`, admin, {});
      expect((await t.accounts.getUser(sato.id))?.disabled).toBe(true);
      const page = await (await t.app.request('/admin/users', { headers: { cookie: admin.cookie } })).text();
      expect(page).toContain('有効にする (enable)');
    });

    it('re-renders a taken login with what was typed and the reason (400)', async () => {
      const res = await postForm(t.app, '/admin/users', admin, {
        login: 'editor',
        password: 'a-long-enough-password',
        role: 'editor',
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('id="new-login" name="login" value="editor"');
      expect(html).toMatch(/role="alert"[^>]*>[^<]+/);
      expect(html).not.toContain('a-long-enough-password');
    });

    it('shows an issued API token once, and the token works as a bearer', async () => {
      const res = await postForm(t.app, `/admin/users/${t.users.editor.id}/tokens`, admin, {
        label: 'import script',
      });
      const token = /<code>([^<]+)<\/code>/.exec(await res.text())?.[1];
      expect(token).toBeDefined();
      expect(await t.accounts.authenticateApiToken(token ?? '')).toMatchObject({
        ok: true,
        value: { login: 'editor' },
      });
      const again = await (await t.app.request('/admin/users', { headers: { cookie: admin.cookie } })).text();
      expect(again).not.toContain(token ?? '');
    });

    it('issues a token for the days chosen and lists its expiry and last use', async () => {
      const res = await postForm(t.app, `/admin/users/${t.users.editor.id}/tokens`, admin, {
        label: 'weekly script',
        expiresInDays: '7',
      });
      const token = /<code>([^<]+)<\/code>/.exec(await res.text())?.[1] ?? '';
      const listed = (await t.accounts.listApiTokens(t.users.editor.id)).find(
        (i) => i.label === 'weekly script',
      );
      const days = (Date.parse(listed?.expiresAt ?? '') - Date.parse(listed?.createdAt ?? '')) / 86_400_000;
      expect(days).toBe(7);
      const before = await (
        await t.app.request('/admin/users', { headers: { cookie: admin.cookie } })
      ).text();
      expect(before).toContain(
        `weekly script <span class="meta">有効期限 (expires) ${listed?.expiresAt?.slice(0, 10)}`,
      );
      expect(before).toContain('未使用 (never used)');
      await t.accounts.authenticateApiToken(token);
      const after = await (await t.app.request('/admin/users', { headers: { cookie: admin.cookie } })).text();
      expect(after).toMatch(/最終使用 \(last used\) \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    });

    it('re-renders a token form with days outside 1 to 365 and the reason (400)', async () => {
      const res = await postForm(t.app, `/admin/users/${t.users.editor.id}/tokens`, admin, {
        label: 'x',
        expiresInDays: '1000',
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('「有効日数」は 1〜365 の整数です');
    });
  });
});
