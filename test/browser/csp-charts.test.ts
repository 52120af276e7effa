/** A citizen opens a policy page with charts: the charts draw under the CSP and the console stays free of violations. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, startServer } from '../helpers/browser.ts';
import { type DemoApp, findDemoNode, hasObservedIndicator, openDemoApp } from '../helpers/web.ts';

let demo: DemoApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  demo = await openDemoApp();
  server = await startServer(demo.app);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
});

describe('a policy page with an indicator chart', () => {
  it('logs no Content Security Policy violation and sizes the chart texts from attributes', async () => {
    const target = await findDemoNode(demo.store, (n) => n.kind === 'policy' && hasObservedIndicator(n));
    if (!target) throw new Error('demo has no policy with an observed indicator');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${server.baseUrl}/nodes/${target.node.id}`);
    expect(response?.headers()['content-security-policy']).toMatch(/style-src 'self'/);
    const texts = page.locator('.indicator-chart svg text');
    await expect.poll(() => texts.count()).toBeGreaterThan(0);
    // The size ECharts chose reaches the browser: a blocked style would leave the 16px default.
    const size = await texts.first().getAttribute('font-size');
    expect(size).toMatch(/^\d+px$/);
    const computed = await texts.first().evaluate((el) => {
      // Runs in the page; tsconfig has no DOM lib.
      const view = globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } };
      return view.getComputedStyle(el).fontSize;
    });
    expect(computed).toBe(size);
    await page.waitForLoadState('load');
    expect(violations).toEqual([]);
    await page.close();
  });
});
