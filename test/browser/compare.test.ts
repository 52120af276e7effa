/**
 * A citizen follows 「他の自治体と比べる」 from a node page, narrows the comparison to a group of codes with the form
 * (no JavaScript needed), and reads the ranked table and the chart: no axe violation, no console error, at 390 and
 * 1,280 px.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonKeyOf } from '../../src/domain/comparison/index.ts';
import type { DatabaseHandle } from '../../src/store/db.ts';
import { createReadStore } from '../../src/store/queries.ts';
import { saveOrganizationDocument } from '../../src/store/save-dataset.ts';
import { createApp } from '../../src/web/app.tsx';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../helpers/browser.ts';
import {
  type ComparedCity,
  comparedOrganization,
  waitingChildren,
} from '../helpers/compared-organizations.ts';
import { openMigratedSqlite } from '../helpers/sqlite-templates.ts';

const key = comparisonKeyOf(waitingChildren);
let handle: DatabaseHandle;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  handle = await openMigratedSqlite();
  const cities: ComparedCity[] = [
    { code: '202088', name: '小諸市', values: { FY2020: 12, FY2023: 4 } },
    { code: '202011', name: '長野市', values: { FY2023: 9 } },
    { code: '202029', name: '松本市', values: { FY2023: 6 } },
    { code: '162094', name: '小矢部市', values: { FY2023: 0 } },
  ];
  for (const [k, city] of cities.entries())
    await saveOrganizationDocument(handle.db, comparedOrganization(k, city));
  server = await startServer(createApp({ store: createReadStore(handle.db) }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await handle?.close();
});

describe.each([390, 1280])('comparing at %i px', { tags: ['browser'] }, (width) => {
  it('follows the link from a node page and compares a group of codes', async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()} ${m.text().slice(0, 80)}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));

    await page.goto(`${server.baseUrl}/nodes/o0.later-pillar`);
    await page.getByRole('link', { name: '他の自治体と比べる（3団体）' }).click();
    await page.waitForURL(`**/compare/${key}`);
    expect(await page.locator('h1').textContent()).toBe('「待機児童数」を団体ごとに比べる');
    expect(await page.locator('svg[role="img"]:visible').count()).toBe(1);
    expect(await axeViolations(page), 'all organizations').toEqual([]);

    await page.getByLabel(/全国地方公共団体コード/).fill('202088,162094');
    await page.getByRole('button', { name: '比べる' }).click();
    await page.waitForURL(/codes=202088%2C162094/);
    const rows = page.locator('table.compare-table tbody th');
    expect(await rows.allTextContents()).toEqual(['小矢部市 162094', '小諸市 202088']);
    expect(await axeViolations(page), 'a group of codes').toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
