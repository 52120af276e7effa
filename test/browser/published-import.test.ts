/**
 * An admin uploads a KPI table as a town published it (Shift_JIS, no ids, no source column) into an empty plan:
 * the columns with their guesses, the years given and a column left out, checked again, imported; axe-clean at
 * each step, screenshots at 1280 and 390 px.
 */
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../helpers/browser.ts';
import { testDatabases } from '../helpers/databases.ts';
import { saveEmptyPlan } from '../helpers/published-kpi.ts';
import { openStaffTestApp, type StaffTestApp, testPassword } from '../helpers/staff-app.ts';

const screenshots = 'test-output/screenshots';
const samples = new URL('../fixtures/published-kpi', import.meta.url).pathname;

let t: StaffTestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const sqlite = testDatabases.find((d) => d.name === 'sqlite');
  if (!sqlite) throw new Error('no SQLite test database');
  t = await openStaffTestApp(sqlite.openDemo);
  await saveEmptyPlan(t.db, 'oyabe-plan');
  server = await startServer(t.app);
  browser = await launchBrowser();
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

async function check(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
    expect(await axeViolations(page), `${name} at ${width}px`).toEqual([]);
  }
}

describe('importing a published KPI table in the browser', { tags: ['browser'], timeout: 180_000 }, () => {
  it('admin maps the columns, checks again and imports', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.baseUrl}/admin`);
    await page.fill('#login', 'admin');
    await page.fill('#password', testPassword);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${server.baseUrl}/admin`);
    await page.goto(`${server.baseUrl}/admin/import`);
    await page.setInputFiles('#import-file', {
      name: 'mori-kpi.sjis.csv',
      mimeType: 'text/csv',
      buffer: await readFile(`${samples}/mori-kpi.sjis.csv`),
    });
    await page.selectOption('#import-plan', 'oyabe-plan');
    await page.fill('#import-node', '雇用支援');
    await page.click('form[action="/admin/import/preview"] button[type="submit"]');
    await page.waitForURL('**/admin/import/preview');
    expect(await page.locator('main').textContent()).toContain('列の対応づけ (column mapping)');
    await check(page, 'published-import-preview');

    await page.fill('input[name="year-2"]', 'H31年度');
    await page.fill('input[name="year-3"]', 'H28年度');
    await page.selectOption('#target-4', 'ignore');
    await page.click('form[action="/admin/import/recheck"] button:not([formaction])');
    await page.waitForURL('**/admin/import/recheck');
    expect(await page.locator('main').textContent()).toContain('目標値 (target) FY2019');
    await check(page, 'published-import-recheck');

    // Each plausibility warning is ticked after reading it; the rows land as drafts, the default.
    for (const box of await page.locator('input[name="confirm"]').all()) await box.check();
    expect(await page.isChecked('#import-as-drafts')).toBe(true);
    await page.click('button[formaction="/admin/import/commit"]');
    await page.waitForURL('**/admin/import/commit');
    expect(await page.locator('main').textContent()).toContain(
      '下書きとして取り込みました (imported as drafts)',
    );
    await check(page, 'published-import-done');
  });
});
