/**
 * A new admin brings a town in from nothing, through the screens only (issue 13, acceptance): the organization
 * (小矢部市, with its real 全国地方公共団体コード), the plan's source document, the plan and a pillar; the town's KPI table
 * as published (Shift_JIS, 和暦 year headers, units in the cells, no ids, no source column) uploaded, its columns
 * mapped, checked again, each plausibility warning ticked, imported as drafts, published; then the public pages show
 * the values and their source names the uploaded file and the cell. Every step axe-clean, screenshots at 1280 px
 * (and 390 px for the upload and the public pages).
 */
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../helpers/browser.ts';
import { testDatabases } from '../helpers/databases.ts';
import { openStaffTestApp, type StaffTestApp, testPassword } from '../helpers/staff-app.ts';

const screenshots = 'test-output/screenshots';
const samples = new URL('../fixtures/published-kpi', import.meta.url).pathname;
const sampleFile = 'oyabe-kpi.sjis.csv';

let t: StaffTestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const sqlite = testDatabases.find((d) => d.name === 'sqlite');
  if (!sqlite) throw new Error('no SQLite test database');
  // The demo database, as the other browser tests use: it holds another town, nothing of 小矢部市.
  t = await openStaffTestApp(sqlite.openDemo);
  server = await startServer(t.app);
  browser = await launchBrowser();
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

/** No axe violation, and screenshots at the given widths (1280 px always). */
async function check(page: Page, name: string, widths: readonly number[] = [1280]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshots}/walkthrough-${name}-${width}.png`, fullPage: true });
    expect(await axeViolations(page), `${name} at ${width}px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

describe('a new town, from nothing to its public pages, in the browser', {
  tags: ['browser'],
  timeout: 240_000,
}, () => {
  it('admin creates the organization, plan and pillar, imports the published table as drafts and publishes', async () => {
    expect((await t.store.listPlans()).map((p) => p.id)).not.toContain('oyabe-city-2001');
    const page = await (await browser.newContext()).newPage();
    await page.setViewportSize({ width: 1280, height: 900 });

    // 1. Sign in; the organization, with the code and check digit of 小矢部市 (16209-4).
    await page.goto(`${server.baseUrl}/admin`);
    await page.waitForURL('**/login?next=%2Fadmin');
    await page.fill('#login', 'admin');
    await page.fill('#password', testPassword);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${server.baseUrl}/admin`);
    await check(page, 'admin-home');
    await page.click('a[href="/admin/organizations"]');
    await page.click('a[href="/admin/organizations/new"]');
    await page.fill('#f-name', '小矢部市');
    await page.fill('#f-nameEn', 'Oyabe City');
    await page.fill('#f-municipalityCode', '162094');
    await page.fill('#f-prefecture', '富山県');
    await check(page, 'organization-form');
    await page.click('form.staff-form button[type="submit"]');
    await page.waitForURL(`${server.baseUrl}/admin/organizations`);
    expect(await mainText(page)).toContain('小矢部市');
    await check(page, 'organizations');

    // 2a. The plan must cite a document: the page the table was transcribed from, registered first.
    await page.click('a[href="/admin/documents/new?organizationId=oyabe-city"]');
    await page.fill('#f-title', '小矢部市総合計画成果指標');
    await page.fill('#f-publisher', '小矢部市');
    await page.fill('#f-publishedAt', '2023-03-06');
    await page.fill(
      '#f-url',
      'https://www.city.oyabe.toyama.jp/shiseijyouhou/1001905/1001920/1001926/1001938/1001939.html',
    );
    await check(page, 'document-form');
    await page.click('form.staff-form button[type="submit"]');
    await page.waitForURL('**/admin/documents/oyabe-city-*');
    const documentId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    await check(page, 'document');

    // 2b. The plan (title, period) and a pillar under it.
    await page.goto(`${server.baseUrl}/admin/organizations`);
    await page.click('a[href="/admin/records/plan/new?organizationId=oyabe-city"]');
    await page.fill('#f-title', '小矢部市総合計画');
    await page.selectOption('#f-kind', 'comprehensive_plan');
    await page.fill('#f-periodStart', '2001');
    await page.fill('#f-periodEnd', '2005');
    await page.fill('#f-publishedAt', '2001');
    await page.selectOption('#f-source-documentId', documentId);
    await check(page, 'plan-form');
    await page.click('form.staff-form button[type="submit"]');
    await page.waitForURL('**/admin/plans/oyabe-city-2001');
    await check(page, 'plan-created');
    await page.click('a[href^="/admin/records/node/new?planId=oyabe-city-2001"]');
    await page.selectOption('#f-kind', 'pillar');
    await page.fill('#f-title', '生涯学習の促進');
    await check(page, 'pillar-form');
    await page.click('form.staff-form button[type="submit"]');
    await page.waitForURL('**/admin/plans/oyabe-city-2001');
    expect(await mainText(page)).toContain('生涯学習の促進');
    await check(page, 'pillar-created');

    // A plan made in the screens is a draft, and the import page offers published plans only: publish it first.
    await page.fill('#publish-reason', '小矢部市の計画と柱を登録');
    await page.click('form[action="/admin/plans/oyabe-city-2001/publish"] button[type="submit"]');
    await page.waitForURL('**/admin/plans/oyabe-city-2001');
    expect(await page.locator('.draft-badge').count()).toBe(0);
    await check(page, 'plan-published');

    // 3. The table as the town published it, into that plan.
    await page.click('a[href="/admin/import"]');
    await page.waitForURL('**/admin/import');
    await page.setInputFiles('#import-file', {
      name: sampleFile,
      mimeType: 'text/csv',
      buffer: await readFile(`${samples}/${sampleFile}`),
    });
    await page.selectOption('#import-plan', 'oyabe-city-2001');
    // The pillar made above is where the rows go: the sheet's 主要施策コード column names each row's 施策, created
    // under that pillar (titled by the code: the sheet has no title column beside it).
    await page.fill('#import-node', '生涯学習の促進');
    await check(page, 'upload', [1280, 390]);
    await page.click('form[action="/admin/import/preview"] button[type="submit"]');
    await page.waitForURL('**/admin/import/preview');
    expect(await mainText(page)).toContain('列の対応づけ (column mapping)');
    // The guesses as read: 主要施策コード a node code, 成果指標 the name, the 平成 years as calendar years (年),
    // 平成15年末見込 a forecast left out, 5ヵ年目標 the target (no year: the sheet gives none).
    expect(await page.inputValue('#target-0')).toBe('nodeCode');
    expect(await page.inputValue('#target-1')).toBe('name');
    expect(await page.locator('#target-3 option:checked').textContent()).toBe('実績 (actual) 2000');
    expect(await page.inputValue('#target-8')).toBe('target');
    await check(page, 'mapping', [1280, 390]);

    // Map: 区分 (当初 on every row) ignored outright, and the mapping kept by name for the next report; checked again.
    await page.selectOption('#target-2', 'ignore');
    await page.fill('input[name="saveMapping"]', '小矢部市 成果指標');
    await page.click('form[action="/admin/import/recheck"] button:not([formaction])');
    await page.waitForURL('**/admin/import/recheck');
    const rechecked = await mainText(page);
    expect(rechecked).toContain('追加 69件・更新 0件');
    expect(rechecked).toContain('ファイル「oyabe-kpi.sjis.csv」を出典の資料');
    expect(rechecked).toContain(
      'ノード「11302」(oyabe-city-2001.11302、policy) を「生涯学習の促進」の下に作ります',
    );
    expect(await page.inputValue('#target-2')).toBe('ignore');
    await check(page, 'recheck', [1280, 390]);

    // 4. Each plausibility warning read and ticked (the 平成12年 values fall before the plan's period); drafts, the
    // default, kept; imported.
    const warnings = page.locator('input[name="confirm"]');
    expect(await warnings.count()).toBeGreaterThan(0);
    for (const box of await warnings.all()) await box.check();
    expect(await page.isChecked('#import-as-drafts')).toBe(true);
    await check(page, 'warnings-ticked');
    await page.click('button[formaction="/admin/import/commit"]');
    await page.waitForURL('**/admin/import/commit');
    expect(await mainText(page)).toContain('下書きとして取り込みました (imported as drafts)');
    await check(page, 'imported', [1280, 390]);

    // Nothing is public yet.
    const citizen = await (await browser.newContext()).newPage();
    await citizen.setViewportSize({ width: 1280, height: 900 });
    await citizen.goto(`${server.baseUrl}/plans/oyabe-city-2001`);
    expect(await mainText(citizen)).not.toContain('図書館入館者数');

    // 5. The plan's admin page: the imported drafts, published.
    await page.goto(`${server.baseUrl}/admin/plans/oyabe-city-2001`);
    expect(await page.locator('input[name="draftIds"]').count()).toBe(69);
    await page.fill('#publish-reason', '小矢部市総合計画成果指標の取り込みを確認');
    await check(page, 'publish-drafts');
    await page.click('form[action="/admin/plans/oyabe-city-2001/publish"] button[type="submit"]');
    await page.waitForURL('**/admin/plans/oyabe-city-2001');
    expect(await page.locator('.draft-badge').count()).toBe(0);
    await check(page, 'published');

    // 6. The public pages show the values, and a value's source names the uploaded file and its cell.
    await citizen.goto(`${server.baseUrl}/plans/oyabe-city-2001`);
    const plan = await mainText(citizen);
    expect(plan).toContain('小矢部市総合計画');
    await check(citizen, 'public-plan', [1280, 390]);
    // The pillar holds 14 indicators, more than a plan page lists (issue 16): it says how many and where they are.
    expect(plan).toContain('この柱の下の指標は14件です');
    expect(plan).not.toContain('図書館入館者数');
    // The indicator's page (its 施策's page: there is no page per indicator): 平成12年 102,521人 and its source.
    await citizen.goto(`${server.baseUrl}/nodes/oyabe-city-2001.11302`);
    expect(await mainText(citizen)).toContain('図書館入館者数');
    const row = citizen.locator('tr.indicator-row-observation', { hasText: '2000年（平成12年）' }).first();
    expect(await row.textContent()).toContain('10万2,521人');
    const source = row.locator('a[href^="/documents/file-"]');
    expect(await source.textContent()).toContain(sampleFile);
    expect(await source.getAttribute('title')).toBe('102,521人');
    // The page names the cell (行7 列D) as the API does.
    expect(await source.textContent()).toContain(`${sampleFile} 行7 列D`);
    const api = (await (
      await citizen.request.get(`${server.baseUrl}/api/v1/plans/oyabe-city-2001/indicators`)
    ).json()) as {
      indicators: {
        name: string;
        observations: { date: string; value: number; source: Record<string, unknown> }[];
      }[];
    };
    const visitors = api.indicators.find((i) => i.name === '図書館入館者数');
    expect(visitors?.observations.find((o) => o.date === '2000')).toMatchObject({
      value: 102521,
      source: expect.objectContaining({ section: '行7 列D', quote: '102,521人' }),
    });
    await check(citizen, 'public-node', [1280, 390]);
  });
});
