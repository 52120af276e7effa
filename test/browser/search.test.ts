/** A citizen searches 「女性」 through the search form, finds the women-ratio policy and opens it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../helpers/browser.ts';
import { openSearchDemoApp, type SearchDemoApp } from '../helpers/search-app.ts';

let demo: SearchDemoApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  demo = await openSearchDemoApp();
  server = await startServer(demo.app);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
});

describe.each([1280, 390])('a citizen at %i px', (width) => {
  it('searches 女性 through the form and opens the women-ratio policy', async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on(
      'console',
      (message) => message.type() === 'error' && errors.push(`${page.url()} ${message.text().slice(0, 60)}`),
    );
    page.on(
      'response',
      (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`),
    );

    await page.goto(`${server.baseUrl}/search`);
    expect(await axeViolations(page), 'empty search page').toEqual([]);
    await page.getByLabel('検索する言葉').fill('女性');
    await page.getByRole('button', { name: '検索' }).click();
    await page.waitForURL(/\/search\?q=/);

    const policy = page.locator('a[href="/nodes/mirai-2016.p1.women-ratio"]');
    await expect.poll(() => policy.count()).toBe(1);
    expect(await policy.locator('mark').first().textContent()).toBe('女性');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(
      /「女性」の検索結果 \d+件/,
    );
    expect(await axeViolations(page), 'search results').toEqual([]);
    // Only the search pages' own console: the node page has its own browser story.
    expect(errors).toEqual([]);

    await policy.click();
    await page.waitForURL('**/nodes/mirai-2016.p1.women-ratio');
    expect(await page.locator('h1').textContent()).toContain('女性');
    await page.close();
  });
});
