/**
 * An admin creates an organization, registers its source document, and builds a plan with a pillar and a policy
 * from the screens, on SQLite and PostgreSQL; ids left empty are generated, and cited quotes are checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  openStaffTestApp,
  postForm,
  postMultipart,
  type SignedIn,
  type StaffTestApp,
  signIn,
} from '../../../test/helpers/staff-app.ts';
import { nodesOf } from '../../domain/plan-tree.ts';
import { withEditingTables } from '../../store/editing/tables.ts';

const reportText = ['令和7年度 架空市 総合戦略', '', '基本目標1 しごとをつくる', '移住相談件数 128件'].join(
  '\n',
);

describe.each(testDatabases)('registering from the admin pages on $name', (database) => {
  let t: StaffTestApp;
  let admin: SignedIn;
  let editor: SignedIn;

  beforeAll(async () => {
    t = await openStaffTestApp(database.openDemo);
    admin = await signIn(t.app, 'admin');
    editor = await signIn(t.app, 'editor');
  });
  afterAll(() => t.close());

  const organization = {
    id: '',
    name: '架空市',
    nameEn: 'Kaku City',
    kind: 'municipality',
    municipalityCode: '202088',
    prefecture: '長野県',
    url: '',
  };

  describe('organizations', () => {
    it('refuses a wrong check digit with the field named in Japanese first, keeping what was typed', async () => {
      const res = await postForm(t.app, '/admin/organizations', admin, {
        ...organization,
        municipalityCode: '202081',
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toMatch(
        /id="f-municipalityCode-error"[^>]*>[^<]*検査数字が合いません。202088 ではありませんか/,
      );
      expect(html).toContain('value="202081"');
    });

    it('names an empty name as required, never in zod English', async () => {
      const res = await postForm(t.app, '/admin/organizations', admin, { ...organization, name: '' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('「名称 (name)」は必須です (name is required)');
      expect(html).not.toContain('Too small');
    });

    it('creates the organization with an id made from its English name, recorded in the history', async () => {
      const res = await postForm(t.app, '/admin/organizations', admin, organization);
      expect(res.status).toBe(303);
      const listed = await t.store.listOrganizations();
      expect(listed.find((o) => o.id === 'kaku-city')).toMatchObject({
        name: '架空市',
        municipalityCode: '202088',
      });
      const revision = await withEditingTables(t.db)
        .selectFrom('revision')
        .select(['action', 'actor'])
        .where('entity', '=', 'organization')
        .where('entity_id', '=', 'kaku-city')
        .executeTakeFirst();
      expect(revision).toEqual({ action: 'create', actor: 'admin' });
      const page = await (
        await t.app.request('/admin/organizations', { headers: { cookie: admin.cookie } })
      ).text();
      expect(page).toContain('/admin/records/plan/new?organizationId=kaku-city');
    });

    it('is closed to editors, and refuses a form without its CSRF token', async () => {
      const page = await t.app.request('/admin/organizations/new', { headers: { cookie: editor.cookie } });
      expect(page.status).toBe(403);
      const post = await postForm(t.app, '/admin/organizations', editor, {
        ...organization,
        nameEn: 'Other',
      });
      expect(post.status).toBe(403);
      const forged = await postForm(
        t.app,
        '/admin/organizations',
        admin,
        { ...organization, nameEn: 'X' },
        true,
      );
      expect(forged.status).toBe(403);
      expect((await t.store.listOrganizations()).map((o) => o.id)).not.toContain('other');
    });
  });

  describe('documents, plans and nodes', () => {
    const documentFields = {
      id: '',
      organizationId: 'kaku-city',
      title: '架空市 総合戦略 令和7年度',
      publisher: '架空市',
      publishedAt: '令和7年3月',
      kind: 'official',
      url: 'https://example.org/senryaku.pdf',
      note: '',
      text: '',
    };

    it('refuses a javascript: URL and an unreadable date, each beside its field', async () => {
      const res = await postMultipart(
        t.app,
        '/admin/documents',
        admin,
        { ...documentFields, url: 'javascript:alert(1)', publishedAt: 'いつか' },
        {},
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toMatch(/id="f-url-error"[^>]*>[^<]*http: か https:/);
      expect(html).toMatch(/id="f-publishedAt-error"[^>]*>「発行日 \(date\)」が日付として読めません/);
    });

    it('registers a text file with a generated id and shows its numbered lines', async () => {
      const res = await postMultipart(t.app, '/admin/documents', admin, documentFields, {
        file: { name: 'senryaku.txt', bytes: new TextEncoder().encode(reportText) },
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/documents/kaku-city-doc-2025-03');
      const page = await (
        await t.app.request('/admin/documents/kaku-city-doc-2025-03', { headers: { cookie: admin.cookie } })
      ).text();
      expect(page).toContain('4 行 (4 lines, file)');
      expect(page).toContain('<span>移住相談件数 128件</span>');
      const publicPage = await (await t.app.request('/documents/kaku-city-doc-2025-03')).text();
      expect(publicPage).toContain('移住相談件数 128件');
    });

    it('builds a plan, a pillar and a policy citing it, with generated ids, and publishes them', async () => {
      const source = { 'source.documentId': 'kaku-city-doc-2025-03', 'source.line': '1' };
      const plan = await postForm(t.app, '/admin/records/plan', admin, {
        id: '',
        organizationId: 'kaku-city',
        title: '架空市 総合戦略',
        kind: 'strategy',
        periodStart: '令和7年度',
        periodEnd: '令和11年度',
        publishedAt: '2025-03',
        achievementFormula: 'ratio_to_target',
        ...source,
        'source.quote': '総合戦略',
      });
      expect(plan.status).toBe(303);
      expect(plan.headers.get('location')).toBe('/admin/plans/kaku-city-2025');
      const pillar = await postForm(t.app, '/admin/records/node', admin, {
        planId: 'kaku-city-2025',
        parentId: '',
        position: '0',
        kind: 'pillar',
        code: '1',
        title: 'しごとをつくる',
        ...source,
        'source.line': '3',
        'source.quote': 'しごとをつくる',
      });
      expect(pillar.status).toBe(303);
      const policy = await postForm(t.app, '/admin/records/node', admin, {
        planId: 'kaku-city-2025',
        parentId: 'kaku-city-2025.p01',
        position: '0',
        kind: 'policy',
        title: '移住の相談',
      });
      expect(policy.status).toBe(303);
      const drafts = (await t.editing.listDrafts('kaku-city-2025')).map((d) => d.id);
      expect(drafts).toHaveLength(3);
      const publish = await postForm(t.app, '/admin/plans/kaku-city-2025/publish', admin, {
        draftIds: drafts,
      });
      expect(publish.status).toBe(303);
      const stored = await t.store.getPlan('kaku-city-2025');
      expect(stored?.nodes.map((n) => [n.id, n.children.map((c) => c.id)])).toEqual([
        ['kaku-city-2025.p01', ['kaku-city-2025.p01.n01']],
      ]);
      expect(stored?.organization.id).toBe('kaku-city');
    });

    it('refuses a value whose quote is not on the cited line, showing that line', async () => {
      const form = await (
        await t.app.request('/admin/records/indicatorValue/new', { headers: { cookie: admin.cookie } })
      ).text();
      // The registered document is offered by its title in the value form.
      expect(form).toContain(
        '<option value="kaku-city-doc-2025-03">架空市 総合戦略 令和7年度 (kaku-city-doc-2025-03)',
      );
      const plan = await t.store.getPlan(t.planId);
      const [firstIndicator] = nodesOf(plan?.nodes ?? []).flatMap((node) => node.indicators);
      const res = await postForm(t.app, '/admin/records/indicatorValue', admin, {
        id: '',
        indicatorId: firstIndicator?.id ?? '',
        role: 'observation',
        position: '99',
        value: '128',
        date: '令和6年度',
        'source.documentId': 'kaku-city-doc-2025-03',
        // A 令和6年度 value may lie outside the plan's period: the warning is confirmed, the quote is still checked.
        confirmWarnings: 'yes',
        'source.line': '3',
        'source.quote': '128件',
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('引用「128件」は 3 行目にありません。3 行目:「基本目標1 しごとをつくる」');
      const beyond = await postForm(t.app, '/admin/records/indicatorValue', admin, {
        id: '',
        indicatorId: firstIndicator?.id ?? '',
        role: 'observation',
        position: '99',
        value: '128',
        date: '令和6年度',
        'source.documentId': 'kaku-city-doc-2025-03',
        // A 令和6年度 value may lie outside the plan's period: the warning is confirmed, the quote is still checked.
        confirmWarnings: 'yes',
        'source.line': '12',
      });
      expect(beyond.status).toBe(400);
      expect(await beyond.text()).toContain('12 行目はありません（資料は 4 行）');
    });
  });
  describe('editing organizations and documents', () => {
    const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
    const fieldsOf = (html: string, names: string[]) =>
      Object.fromEntries(
        names.map((name) => [
          name,
          new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
            new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1] ??
            '',
        ]),
      );

    it('saves an organization against its version, answers 409 to a stale form and keeps what was typed', async () => {
      const page = await t.app.request('/admin/organizations/komoro', { headers: { cookie: admin.cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toMatch(/id="f-id" name="id"[^>]*value="komoro"[^>]*readonly/);
      const version = versionOf(html);
      const fields = {
        ...fieldsOf(html, ['name', 'nameEn', 'municipalityCode', 'prefecture', 'url']),
        kind: 'municipality',
      };
      const saved = await postForm(t.app, '/admin/organizations/komoro', admin, {
        ...fields,
        prefecture: '長野県',
        url: 'https://www.city.komoro.lg.jp/',
        version,
        reason: 'ウェブサイトを追加',
      });
      expect(saved.status).toBe(303);
      const stale = await postForm(t.app, '/admin/organizations/komoro', admin, {
        ...fields,
        name: '古い画面の名前',
        version,
      });
      expect(stale.status).toBe(409);
      const conflict = await stale.text();
      expect(conflict).toContain('何も上書きしていません');
      expect(conflict).toContain('value="古い画面の名前"');
      expect(versionOf(conflict)).toBe(String(Number(version) + 1));
      const [revision] = (
        await withEditingTables(t.db)
          .selectFrom('revision')
          .selectAll()
          .where('entity', '=', 'organization')
          .where('entity_id', '=', 'komoro')
          .where('action', '=', 'update')
          .execute()
      ).slice(-1);
      expect(revision).toMatchObject({ actor: 'admin', reason: 'ウェブサイトを追加' });
      expect(JSON.parse(revision?.after ?? '{}')).toMatchObject({ url: 'https://www.city.komoro.lg.jp/' });
      expect(
        (await postForm(t.app, '/admin/organizations/komoro', admin, { ...fields, version }, true)).status,
      ).toBe(403);
      expect(
        (await t.app.request('/admin/organizations/komoro', { headers: { cookie: editor.cookie } })).status,
      ).toBe(403);
      expect(
        (await postForm(t.app, '/admin/organizations/komoro', editor, { ...fields, version })).status,
      ).toBe(403);
    });

    it('gives a document a publisher and URL from its page, shown on the public page', async () => {
      const path = '/admin/documents/komoro-pride-vol5';
      const html = await (await t.app.request(path, { headers: { cookie: admin.cookie } })).text();
      expect(html).toContain('資料の編集 (edit the document)');
      const fields = fieldsOf(html, ['title', 'publishedAt']);
      const saved = await postForm(t.app, path, admin, {
        ...fields,
        kind: 'campaign',
        publisher: '小泉としひろ後援会',
        url: 'https://example.org/pride-vol5.pdf',
        note: '',
        version: versionOf(html),
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe(`${path}?notice=saved`);
      const publicPage = await (await t.app.request('/documents/komoro-pride-vol5')).text();
      expect(publicPage).toContain('https://example.org/pride-vol5.pdf');
      const badUrl = await postForm(t.app, path, admin, {
        ...fields,
        kind: 'campaign',
        url: 'javascript:alert(1)',
        version: String(Number(versionOf(html)) + 1),
      });
      expect(badUrl.status).toBe(400);
    });
  });
});
