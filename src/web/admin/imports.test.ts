/** Staff import tables in the browser: upload, preview, confirm; on SQLite and PostgreSQL. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  openStaffTestApp,
  postForm,
  postMultipart,
  type SignedIn,
  type StaffTestApp,
  signIn,
  testPassword,
} from '../../../test/helpers/staff-app.ts';
import { defaultTableLimits } from '../../io/tables/index.ts';
import { listRevisionsOf, verifyChain } from '../../store/editing/revisions.ts';

const indicatorId = 'mirai-2016.i.seizure-count';
const header = 'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote';
const row = (month: string, value: string) =>
  `${indicatorId},${month},${value},komoro-pride-vol5,99,H28:102件`;
const goodCsv = [header, row('2090-01', '130件'), row('2090-02', '135件')].join('\n');
const file = (name: string, text: string | Uint8Array) => ({
  name,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});

const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1];
const warningIdsOf = (html: string) =>
  [...html.matchAll(/name="confirm" value="([^"]+)"/g)].map((m) => m[1]!);

describe.each(testDatabases)('the admin table import on $name', (database) => {
  let t: StaffTestApp;
  let admin: SignedIn;

  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    admin = await signIn(t.app, 'admin');
  });
  afterEach(() => t.close());

  const storedMonths = async () =>
    (
      await t.db
        .selectFrom('indicator_value')
        .select('date')
        .where('indicator_id', '=', indicatorId)
        .where('date', 'like', '2090-%')
        .orderBy('date')
        .execute()
    ).map((r) => r.date);

  const preview = (who: SignedIn | undefined, upload: ReturnType<typeof file>, fields = {}) =>
    postMultipart(t.app, '/admin/import/preview', who, fields, { file: upload });

  it('previews every row without writing, then imports them once under the login, in the history', async () => {
    const page = await t.app.request('/admin/import', { headers: { cookie: admin.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('enctype="multipart/form-data"');

    const res = await preview(admin, file('monthly.csv', goodCsv));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`${indicatorId}:observation@2090-01`);
    expect(html).toContain('追加 2件');
    expect(await storedMonths()).toEqual([]);

    const token = tokenOf(html);
    expect(token).toBeDefined();
    // 2090 lies after mirai-2016's period: each value carries a warning to tick.
    const confirm = warningIdsOf(html);
    expect(confirm).toEqual(['2:2090-01:outside-period', '3:2090-02:outside-period']);
    const done = await postForm(t.app, '/admin/import/commit', admin, {
      token: token ?? '',
      confirm,
      publish: 'now',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('取り込みました (imported and published)');
    expect(await storedMonths()).toEqual(['2090-01', '2090-02']);
    const [revision] = (
      await listRevisionsOf(t.db, 'indicatorValue', `${indicatorId}:observation@2090-01`)
    ).slice(-1);
    expect(revision).toMatchObject({ action: 'import', actor: 'admin', published: true });
    expect(revision?.reason).toMatch(
      /^取り込み \(import\): monthly\.csv \/ 確認済みの注意 \(confirmed warnings\): 2:2090-01:outside-period 日付 2090-01 が計画の期間/,
    );
    expect((await verifyChain(t.db)).ok).toBe(true);

    // The token is spent: a second confirmation imports nothing and says to upload again.
    const again = await postForm(t.app, '/admin/import/commit', admin, { token: token ?? '' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('choose the file again');
  });

  it('refuses to import while a warning is unticked, then lands as drafts that publishing makes public', async () => {
    const html = await (await preview(admin, file('monthly.csv', goodCsv))).text();
    expect(html).toContain('日付 2090-01 が計画の期間');
    expect(html).toContain('checked');
    const [first, second] = warningIdsOf(html);
    const half = await postForm(t.app, '/admin/import/commit', admin, {
      token: tokenOf(html) ?? '',
      confirm: [first ?? ''],
    });
    expect(half.status).toBe(400);
    const again = await half.text();
    expect(again).toContain('confirm every warning: nothing was saved');
    expect(await storedMonths()).toEqual([]);

    // The default: drafts. Nothing public changes until they are published from the plan's page.
    const done = await postForm(t.app, '/admin/import/commit', admin, {
      token: tokenOf(again) ?? '',
      confirm: [first ?? '', second ?? ''],
    });
    expect(await done.text()).toContain('下書きとして取り込みました (imported as drafts)');
    expect(await storedMonths()).toEqual([]);
    const publicPage = async () => (await t.app.request(`/api/v1/plans/mirai-2016/indicators`)).text();
    expect(await publicPage()).not.toContain('2090-01');
    const drafts = await t.db
      .withTables<{ draft_change: { id: string; plan_id: string } }>()
      .selectFrom('draft_change')
      .select('id')
      .where('plan_id', '=', 'mirai-2016')
      .execute();
    expect(drafts).toHaveLength(2);
    const plan = await (
      await t.app.request('/admin/plans/mirai-2016', { headers: { cookie: admin.cookie } })
    ).text();
    expect(plan).toContain(`${indicatorId}:observation@2090-01`);
    const published = await postForm(t.app, '/admin/plans/mirai-2016/publish', admin, {
      draftIds: drafts.map((d) => d.id),
    });
    expect(published.status).toBeLessThan(400);
    expect(await storedMonths()).toEqual(['2090-01', '2090-02']);
    expect(await publicPage()).toContain('2090-01');
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it('finds nothing to import in a downloaded template uploaded unchanged', async () => {
    const download = await t.app.request('/admin/import/templates/indicatorValues.xlsx', {
      headers: { cookie: admin.cookie },
    });
    const bytes = new Uint8Array(await download.arrayBuffer());
    const html = await (await preview(admin, file('indicatorValues.xlsx', bytes))).text();
    expect(html).toContain('no row would change anything');
    expect(tokenOf(html)).toBeUndefined();
  });

  it('lists every bad row with its row and column, offers no confirmation and writes nothing', async () => {
    const bad = [header, row('2090-01', '7件'), row('2090-02', 'abc'), row('not-a-date', '9件')].join('\n');
    const res = await preview(admin, file('bad.csv', bad));
    const html = await res.text();
    expect(tokenOf(html)).toBeUndefined();
    expect(html).toMatch(/<td>3<\/td><td>value<\/td><td>abc<\/td>/);
    expect(html).toMatch(/<td>4<\/td><td>date<\/td><td>not-a-date<\/td>/);
    expect(await storedMonths()).toEqual([]);
  });

  it('reads a Shift_JIS CSV and an XLSX workbook alike', async () => {
    const sjis = await preview(admin, file('sjis.csv', new Uint8Array(iconv.encode(goodCsv, 'Shift_JIS'))));
    expect(await sjis.text()).toContain('shift_jis');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    for (const line of goodCsv.split('\n')) sheet.addRow(line.split(','));
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const html = await (await preview(admin, file('monthly.xlsx', xlsx))).text();
    expect(html).toContain(`${indicatorId}:observation@2090-02`);
    expect(tokenOf(html)).toBeDefined();
  });

  it('refuses a missing file with 400 and one past the size limit with 413', async () => {
    const missing = await postMultipart(t.app, '/admin/import/preview', admin, { sheet: '' }, {});
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('choose a file');
    const huge = new Uint8Array(defaultTableLimits.maxFileBytes + 1).fill(0x41);
    const tooLarge = await preview(admin, file('huge.csv', huge));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain('the file is too large');
  });

  it('shows the errors and saves nothing when the data changed between preview and confirmation', async () => {
    const withUnit = [`${header},unit`, `${row('2090-01', '7件')},件`].join('\n');
    const token = tokenOf(await (await preview(admin, file('unit.csv', withUnit))).text()) ?? '';
    expect(token).not.toBe('');
    await t.db.updateTable('indicator').set({ unit: '回' }).where('id', '=', indicatorId).execute();
    const res = await postForm(t.app, '/admin/import/commit', admin, { token });
    const html = await res.text();
    expect(html).toContain('refused: nothing was saved');
    expect(html).toMatch(/<td>2<\/td><td>unit<\/td><td>件<\/td>/);
    expect(await storedMonths()).toEqual([]);
  });

  it('lets an editor import as drafts, never publish at once', async () => {
    const editor = await signIn(t.app, 'editor');
    const html = await (await preview(editor, file('monthly.csv', goodCsv))).text();
    expect(html).toContain('id="import-as-drafts"');
    expect(html).not.toContain('id="import-publish"');
    const token = tokenOf(html) ?? '';
    const confirm = warningIdsOf(html);
    // Publishing at once is refused on the server, whatever the form offered.
    const now = await postForm(t.app, '/admin/import/commit', editor, { token, confirm, publish: 'now' });
    expect(now.status).toBe(403);
    expect(await storedMonths()).toEqual([]);
    const done = await postForm(t.app, '/admin/import/commit', editor, { token, confirm, publish: 'drafts' });
    expect(await done.text()).toContain('下書きとして取り込みました (imported as drafts)');
    expect(await storedMonths()).toEqual([]);
    const drafts = await t.editing.listDrafts();
    expect(
      drafts.filter((d) => d.authorId === t.users.editor.id && d.entity === 'indicatorValue'),
    ).toHaveLength(2);
  });

  it('is for admins and whole-site editors only, needs the CSRF token, and keeps each upload to its uploader', async () => {
    for (const login of ['scoped', 'viewer'] as const) {
      const who = await signIn(t.app, login);
      expect((await preview(who, file('monthly.csv', goodCsv))).status).toBe(403);
      expect((await postForm(t.app, '/admin/import/commit', who, { token: 'x' })).status).toBe(403);
      expect((await t.app.request('/admin/import', { headers: { cookie: who.cookie } })).status).toBe(403);
    }
    const withoutCsrf = await postMultipart(
      t.app,
      '/admin/import/preview',
      admin,
      {},
      { file: file('monthly.csv', goodCsv) },
      true,
    );
    expect(withoutCsrf.status).toBe(403);

    const token = tokenOf(await (await preview(admin, file('monthly.csv', goodCsv))).text()) ?? '';
    const added = await t.accounts.addUser({
      login: 'admin2',
      password: 'another-long-password',
      role: 'admin',
    });
    if (!added.ok) throw new Error('cannot add admin2');
    const other = await signIn(t.app, 'admin2', 'another-long-password');
    expect((await postForm(t.app, '/admin/import/commit', other, { token })).status).toBe(400);
    expect(await storedMonths()).toEqual([]);
    // Still the uploader's to confirm.
    const confirm = ['2:2090-01:outside-period', '3:2090-02:outside-period'];
    expect((await postForm(t.app, '/admin/import/commit', admin, { token, confirm })).status).toBe(200);
  });

  it('serves the XLSX templates, the 事務事業評価 ones included, and 404 for any other name', async () => {
    const kinds = [
      'nodes',
      'indicators',
      'indicatorValues',
      'observationsWide',
      'programSheets',
      'programSheetsWide',
    ];
    for (const kind of kinds) {
      const res = await t.app.request(`/admin/import/templates/${kind}.xlsx`, {
        headers: { cookie: admin.cookie },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${kind}.xlsx"`);
      expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    }
    const unknown = await t.app.request('/admin/import/templates/secrets.xlsx', {
      headers: { cookie: admin.cookie },
    });
    expect(unknown.status).toBe(404);
  });

  it("heads a city's 事務事業評価 template with its own 観点, and an operator's with the default ones", async () => {
    const viewpoints = [
      { code: 'necessity', label: '社会的必要性', labelEn: 'Social need' },
      { code: 'efficiency', label: '費用対効果', labelEn: 'Value for money' },
    ];
    await t.db
      .updateTable('organization')
      .set({ evaluation_viewpoints: JSON.stringify(viewpoints) })
      .where('id', '=', 'komoro')
      .execute();
    const added = await t.accounts.addUser({
      login: 'komoro-clerk',
      password: testPassword,
      role: 'admin',
      organizationId: 'komoro',
    });
    expect(added.ok).toBe(true);
    const clerk = await signIn(t.app, 'komoro-clerk');
    const headerFor = async (who: SignedIn) =>
      (
        await (
          await t.app.request('/admin/import/templates/programSheets.csv', {
            headers: { cookie: who.cookie },
          })
        ).text()
      ).split('\r\n')[0];
    const own = await headerFor(clerk);
    expect(own).toContain(',社会的必要性,社会的必要性の所見,費用対効果,費用対効果の所見,');
    expect(own).not.toContain('viewpoint1Grade');
    expect(await headerFor(admin)).toContain('viewpoint1Grade');
    const workbook = new ExcelJS.Workbook();
    const xlsx = await t.app.request('/admin/import/templates/programSheets.xlsx', {
      headers: { cookie: clerk.cookie },
    });
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    const headers = (workbook.getWorksheet('事務事業評価')!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(['社会的必要性', '費用対効果の所見']));
  });

  it('serves each template as a CSV too, linked from the page', async () => {
    const page = await (await t.app.request('/admin/import', { headers: { cookie: admin.cookie } })).text();
    expect(page).toContain('href="/admin/import/templates/programSheets.csv"');
    const res = await t.app.request('/admin/import/templates/programSheets.csv', {
      headers: { cookie: admin.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, example] = (await res.text()).split('\r\n');
    expect(header).toMatch(/^例 \(example\),id,nodeId,programCode,programTitle,/);
    expect(example).toMatch(/^例,/);
  });
});
