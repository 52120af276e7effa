/**
 * An editor changes a policy's status and adds an observation through the admin forms; both stay drafts until an
 * admin publishes them; a citizen then sees them on the public page and the status change in its history.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusVocabularyOf } from '../../src/domain/status.ts';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../helpers/browser.ts';
import { testDatabases } from '../helpers/databases.ts';
import { findNode, openStaffTestApp, type StaffTestApp, testPassword } from '../helpers/staff-app.ts';

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

async function check(page: Page, name: string) {
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
  expect(await axeViolations(page), name).toEqual([]);
}

/** A fresh browser profile (its own cookies) signed in through the login form. */
async function signedInPage(login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/admin`);
  await page.waitForURL('**/login?next=%2Fadmin');
  await page.fill('#login', login);
  await page.fill('#password', testPassword);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${server.baseUrl}/admin`);
  return page;
}

describe('editing through the browser', () => {
  it('editor edits, admin publishes, citizen sees the change and its history', async () => {
    const plan = await t.store.getPlan(t.planId);
    const policy = findNode(plan?.nodes ?? [], (n) => n.kind === 'policy' && n.indicators.length > 0);
    if (!plan || !policy) throw new Error('the demo needs a policy with an indicator');
    const indicator = policy.indicators[0];
    if (!indicator) throw new Error('no indicator');
    const vocabulary = statusVocabularyOf(plan);
    const newStatus = vocabulary.find((s) => s.code !== policy.status) ?? vocabulary[0];
    if (!newStatus) throw new Error('empty vocabulary');

    const editor = await signedInPage('editor');
    await check(editor, 'admin-home');
    await editor.goto(`${server.baseUrl}/admin/plans/${t.planId}`);
    await editor.click(`a[href="/admin/records/node/${policy.id}"]`);
    await editor.selectOption('#f-status', newStatus.code);
    await editor.fill('#f-reason', 'ブラウザからの変更');
    await check(editor, 'admin-node-form');
    await editor.click('form.staff-form button[type="submit"]');
    await editor.waitForURL(`**/admin/plans/${t.planId}`);

    await editor.click(`a[href^="/admin/records/indicatorValue/new?indicatorId=${indicator.id}"]`);
    await editor.fill('#f-id', 'browser-observation');
    await editor.fill('#f-value', '4321');
    await editor.fill('#f-date', '2024-03');
    await editor.selectOption('#f-source-documentId', 'komoro-brand-vol10');
    await editor.click('form.staff-form button[type="submit"]');
    await editor.waitForURL(`**/admin/plans/${t.planId}`);
    const policyItem = editor
      .locator('li', { has: editor.locator(`a[href="/admin/records/node/${policy.id}"]`) })
      .last();
    await expect.poll(() => policyItem.locator('.draft-badge').first().textContent()).toContain('下書き');
    const observationItem = editor
      .locator('li', { has: editor.locator('a[href="/admin/records/indicatorValue/browser-observation"]') })
      .last();
    await expect.poll(() => observationItem.locator('.draft-badge').count()).toBe(1);
    expect(await editor.locator('form[action$="/publish"]').count()).toBe(0);
    await check(editor, 'admin-plan-drafts');

    const citizen = await browser.newPage();
    await citizen.goto(`${server.baseUrl}/nodes/${policy.id}`);
    expect(await citizen.locator('main').textContent()).not.toContain('4,321');

    const admin = await signedInPage('admin');
    await admin.goto(`${server.baseUrl}/admin/plans/${t.planId}`);
    await admin.fill('#publish-reason', '会報の確認後に公開');
    await check(admin, 'admin-publish');
    await admin.click('form[action$="/publish"] button[type="submit"]');
    await admin.waitForURL(`**/admin/plans/${t.planId}`);
    expect(await admin.locator('.draft-badge').count()).toBe(0);

    await citizen.goto(`${server.baseUrl}/nodes/${policy.id}`);
    const main = (await citizen.locator('main').textContent()) ?? '';
    expect(main).toContain(newStatus.label);
    expect(main).toMatch(/4,?321/);
    await citizen.click(`a[href="/history/node/${policy.id}"]`);
    await citizen.waitForURL(`**/history/node/${policy.id}`);
    const history = (await citizen.locator('main').textContent()) ?? '';
    expect(history).toContain('会報の確認後に公開');
    expect(history).toContain(newStatus.label);
    await check(citizen, 'public-history');
  });

  it('admin imports a CSV through the upload form: preview, confirm, and the values are public', async () => {
    const admin = await signedInPage('admin');
    await admin.click('a[href="/admin/import"]');
    await admin.waitForURL('**/admin/import');
    await check(admin, 'admin-import');
    const csv = [
      'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote',
      'mirai-2016.i.seizure-count,2091-04,12件,komoro-pride-vol5,99,H28:102件',
    ].join('\n');
    await admin.setInputFiles('#import-file', {
      name: 'april.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await admin.click('form[action="/admin/import/preview"] button[type="submit"]');
    await admin.waitForURL('**/admin/import/preview');
    expect(await admin.locator('main').textContent()).toContain(
      'mirai-2016.i.seizure-count:observation@2091-04',
    );
    await check(admin, 'admin-import-preview');
    // A 2091 date and a fall to under a tenth are warned about: the admin ticks each, and publishes at once.
    const warnings = admin.locator('input[name="confirm"]');
    expect(await warnings.count()).toBe(2);
    for (const box of await warnings.all()) await box.check();
    await admin.check('#import-publish');
    await admin.click('form[action="/admin/import/commit"] button[type="submit"]');
    await admin.waitForURL('**/admin/import/commit');
    expect(await admin.locator('main').textContent()).toContain('取り込みました (imported and published)');
    await check(admin, 'admin-import-done');
    const open = await fetch(
      `${server.baseUrl}/downloads/indicators/mirai-2016.i.seizure-count/indicator-values.csv`,
    );
    expect(await open.text()).toContain('2091-04');
  });
});
