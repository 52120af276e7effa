/**
 * An admin adds an organization (after a wrong check digit), registers its document from a text file, and opens the
 * plan form that cites it; every page axe-clean, with screenshots at 390 and 1280 px.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../helpers/browser.ts';
import { testDatabases } from '../helpers/databases.ts';
import { openStaffTestApp, type StaffTestApp, testPassword } from '../helpers/staff-app.ts';

const screenshots = 'test-output/screenshots';

let t: StaffTestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const sqlite = testDatabases.find((d) => d.name === 'sqlite');
  if (!sqlite) throw new Error('no SQLite test database');
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

/** Screenshots at both widths, and no axe violation. */
async function check(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
  }
  expect(await axeViolations(page), name).toEqual([]);
}

async function signedInAdmin(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.baseUrl}/admin`);
  await page.waitForURL('**/login?next=%2Fadmin');
  await page.fill('#login', 'admin');
  await page.fill('#password', testPassword);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${server.baseUrl}/admin`);
  return page;
}

describe('registering an organization and its document through the browser', () => {
  it('admin adds an organization, registers a document and starts a plan citing it', async () => {
    const page = await signedInAdmin();
    await page.click('a[href="/admin/organizations"]');
    await page.click('a[href="/admin/organizations/new"]');
    await page.fill('#f-name', '架空市');
    await page.fill('#f-nameEn', 'Kaku City');
    await page.fill('#f-municipalityCode', '202081');
    await page.fill('#f-prefecture', '長野県');
    await page.click('form.staff-form button[type="submit"]');
    expect(await page.textContent('#f-municipalityCode-error')).toContain('202088 ではありませんか');
    await check(page, 'admin-organization-error');
    await page.fill('#f-municipalityCode', '202088');
    await page.click('form.staff-form button[type="submit"]');
    await page.waitForURL(`${server.baseUrl}/admin/organizations`);
    await check(page, 'admin-organizations');

    await page.click('a[href="/admin/documents/new?organizationId=kaku-city"]');
    await page.fill('#f-title', '架空市 総合戦略 令和7年度');
    await page.fill('#f-publisher', '架空市');
    await page.fill('#f-publishedAt', '令和7年3月');
    await page.fill('#f-url', 'https://example.org/senryaku.pdf');
    const dir = await mkdtemp(join(tmpdir(), 'mieruka-admin-create-'));
    await writeFile(
      join(dir, 'senryaku.txt'),
      '架空市 総合戦略\n\n基本目標1 しごとをつくる\n移住相談件数 128件\n',
    );
    await page.setInputFiles('#f-file', join(dir, 'senryaku.txt'));
    await check(page, 'admin-document-form');
    await page.click('form.staff-form button[type="submit"]');
    await page.waitForURL(`${server.baseUrl}/admin/documents/kaku-city-doc-2025-03`);
    expect(await page.textContent('#L4 span')).toBe('移住相談件数 128件');
    await check(page, 'admin-document');

    await page.goto(`${server.baseUrl}/admin/organizations`);
    await page.click('a[href="/admin/records/plan/new?organizationId=kaku-city"]');
    expect(await page.inputValue('#f-organizationId')).toBe('kaku-city');
    await page.selectOption('#f-source-documentId', 'kaku-city-doc-2025-03');
    await check(page, 'admin-plan-form');
  });
});
