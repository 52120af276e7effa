/**
 * A KPI table in the shape towns publish it, uploaded on the admin import page into an empty plan: the columns with
 * their guesses, a mapping chosen and saved, the import, and the values read back through the API, the node page
 * and the CSV export; on SQLite and PostgreSQL.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { saveEmptyPlan } from '../../../test/helpers/published-kpi.ts';
import {
  openStaffTestApp,
  postForm,
  postMultipart,
  type SignedIn,
  type StaffTestApp,
  signIn,
} from '../../../test/helpers/staff-app.ts';
import { parseCsv } from '../../io/tables/index.ts';
import { listImportMappings } from '../../store/import-mappings/index.ts';

const samples = new URL('../../../test/fixtures/published-kpi', import.meta.url).pathname;
const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1];
const decode = (html: string) =>
  html.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&#39;', "'");

/** The mapping form's fields as the page renders them: each column's header and its selected target. */
function mappingFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/name="(header-\d+)" value="([^"]*)"/g))
    fields[m[1] ?? ''] = decode(m[2] ?? '');
  for (const m of html.matchAll(/<select id="(target-\d+)" name="target-\d+">([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected/.exec(m[2] ?? '')?.[1];
    if (selected !== undefined) fields[m[1] ?? ''] = decode(selected);
  }
  return fields;
}

describe.each(testDatabases)('the admin import of a published KPI table on $name', (database) => {
  let t: StaffTestApp;
  let admin: SignedIn;

  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    await saveEmptyPlan(t.db, 'oyabe-plan');
    admin = await signIn(t.app, 'admin');
  });
  afterEach(() => t.close());

  it('shows each column with its guess, imports with a chosen mapping, saves it, and a second upload changes nothing', async () => {
    const bytes = new Uint8Array(await readFile(`${samples}/mori-kpi.sjis.csv`));
    const upload = { file: { name: 'mori-kpi.sjis.csv', bytes } };
    const first = await postMultipart(
      t.app,
      '/admin/import/preview',
      admin,
      { planId: 'oyabe-plan', node: '雇用支援' },
      upload,
    );
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('列の対応づけ (column mapping)');
    const fields = mappingFields(html);
    expect(fields).toMatchObject({
      'header-0': '数値目標項目',
      'target-0': 'name',
      'header-2': 'KPI',
      'target-2': 'target',
      'target-3': 'actual',
      'target-4': 'progress',
    });
    expect(html).toContain('ノード「雇用支援」');
    expect(html).toContain('この内容で取り込む');

    // Date the undated KPI and 実績値 columns, leave 進捗状況 out, save the mapping: checked again first.
    const recheck = await postForm(t.app, '/admin/import/recheck', admin, {
      ...fields,
      token: tokenOf(html) ?? '',
      'year-2': 'H31年度',
      'year-3': 'H28年度',
      'target-4': 'ignore',
      node: '雇用支援',
      saveMapping: '森町KPI',
    });
    expect(recheck.status).toBe(200);
    const checked = await recheck.text();
    expect(checked).toContain('目標値 (target) FY2019');
    expect(await listImportMappings(t.db)).toEqual(['森町KPI']);

    // Publish at once, every plausibility warning ticked, as an admin who checked them would.
    const warnings = [...checked.matchAll(/name="confirm" value="([^"]+)"/g)].map((m) => m[1] ?? '');
    const done = await postForm(t.app, '/admin/import/commit', admin, {
      ...mappingFields(checked),
      token: tokenOf(checked) ?? '',
      node: '雇用支援',
      publish: 'now',
      confirm: warnings,
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('取り込みました (imported and published)');

    const api = (await (await t.app.request('/api/v1/plans/oyabe-plan/indicators')).json()) as {
      indicators: {
        id: string;
        name: string;
        unit: string;
        target: { date: string; value: number } | null;
        observations: {
          date: string;
          fiscalYear: number | null;
          value: number;
          source: Record<string, unknown>;
        }[];
      }[];
    };
    const shops = api.indicators.find((i) => i.name === '町全体の空き店舗数増加の抑制');
    expect(shops?.target).toMatchObject({ date: 'FY2019', value: 139 });
    expect(shops?.observations).toEqual([
      expect.objectContaining({
        date: 'FY2016',
        fiscalYear: 2016,
        value: 127,
        source: expect.objectContaining({ section: '行2 列D', quote: '127件' }),
      }),
    ]);
    const page = await (await t.app.request(`/nodes/${shops?.id.replace(/\.k\d+$/, '')}`)).text();
    expect(page).toContain('町全体の空き店舗数増加の抑制');
    expect(page).toContain('139件');
    const csv = await (await t.app.request(`/downloads/indicators/${shops?.id}/indicator-values.csv`)).text();
    const parsed = parseCsv(csv.replace(/^\uFEFF/, ''));
    if (!parsed.ok) throw new Error('not CSV');
    const [head = [], ...rows] = parsed.records.map((r) => r.cells);
    const actual = rows.find((r) => r[head.indexOf('date')] === 'FY2016') ?? [];
    expect(actual[head.indexOf('fiscalYear')]).toBe('2016');
    expect(actual[head.indexOf('sourceSection')]).toBe('行2 列D');

    // The saved mapping reused: the same file uploaded again changes nothing.
    const again = await postMultipart(
      t.app,
      '/admin/import/preview',
      admin,
      { planId: 'oyabe-plan', node: '雇用支援', mappingName: '森町KPI' },
      upload,
    );
    const againHtml = await again.text();
    expect(againHtml).toContain('追加 0件・更新 0件');
    expect(againHtml).not.toContain('この内容で取り込む');
  });

  it('asks the year-kind question and refuses the import until it is answered', async () => {
    const csv = new TextEncoder().encode('指標名,単位,H25,H26\n合計特殊出生率,,1.36,1.40\n');
    const res = await postMultipart(
      t.app,
      '/admin/import/preview',
      admin,
      { planId: 'oyabe-plan', node: '人口' },
      { file: { name: 'birth.csv', bytes: csv } },
    );
    const html = await res.text();
    expect(html).toContain('年か年度か未回答');
    expect(html).toContain('name="yearKind" value="calendar"');
    expect(html).not.toContain('この内容で取り込む');
    const answered = await postForm(t.app, '/admin/import/recheck', admin, {
      ...mappingFields(html),
      token: tokenOf(html) ?? '',
      yearKind: 'calendar',
      node: '人口',
    });
    const checked = await answered.text();
    expect(checked).toContain('この内容で取り込む');
    expect(checked).toContain('実績 (actual) 2013');
  });

  it('refuses the mapping form without a CSRF token, and to users who may not import', async () => {
    expect((await postForm(t.app, '/admin/import/recheck', admin, { token: 'x' }, true)).status).toBe(403);
    for (const login of ['scoped', 'viewer']) {
      const who = await signIn(t.app, login);
      expect((await postForm(t.app, '/admin/import/recheck', who, { token: 'x' })).status).toBe(403);
    }
  });
});
