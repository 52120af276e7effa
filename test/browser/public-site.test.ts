/** A citizen opens the public site, follows links to a policy with an indicator, and sees its value. */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../helpers/browser.ts';
import { type DemoApp, findDemoNode, hasObservedIndicator, openDemoApp } from '../helpers/web.ts';

const screenshots = 'test-output/screenshots';
const widths = [1280, 390] as const;

let demo: DemoApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  demo = await openDemoApp();
  server = await startServer(demo.app);
  browser = await launchBrowser();
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
});

/** Saves a screenshot and checks the page against WCAG A/AA with axe-core. */
async function shoot(page: Page, name: string, width: number) {
  await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
  expect(await axeViolations(page), `${name} at ${width} px`).toEqual([]);
}

describe.each(widths)('a citizen at %i px', (width) => {
  it('follows links from home to a policy and reads an indicator value', async () => {
    const target = await findDemoNode(demo.store, (n) => n.kind === 'policy' && hasObservedIndicator(n));
    if (!target) throw new Error('demo has no policy with an observed indicator');
    const context = await demo.store.getNode(target.node.id);
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on(
      'response',
      (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`),
    );

    await page.goto(`${server.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await shoot(page, 'home', width);

    await page.click(`main a[href="/plans/${target.planId}"]`);
    await page.waitForURL(`**/plans/${target.planId}`);
    await shoot(page, 'plan', width);

    await page.click(`main a[href="/nodes/${target.node.id}"]`);
    await page.waitForURL(`**/nodes/${target.node.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain(context?.node.title);
    const latest = page.locator('table.indicators tbody tr td:nth-child(4) data');
    await expect.poll(() => latest.count()).toBeGreaterThan(0);
    const text = (await latest.first().textContent()) ?? '';
    expect(text).toMatch(/\d/);
    expect(await latest.first().isVisible()).toBe(true);
    await shoot(page, 'policy', width);

    // The value's link leads to the cited line of the source document.
    await page.locator('table.indicators tbody tr td:nth-child(4) a').first().click();
    await page.waitForURL(/\/documents\/[a-z0-9-]+#L\d+$/);
    const line = new URL(page.url()).hash.slice(1);
    expect(await page.locator(`li#${line}`).isVisible()).toBe(true);
    await shoot(page, 'document', width);

    // Stylesheets load under the CSP (a blocked one would be reported as a console error).
    expect(errors).toEqual([]);
    const background = await page
      .locator('.site-header')
      // Runs in the page; tsconfig has no DOM lib, so the page's globals are reached through globalThis.
      .evaluate(
        (el) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
          ).getComputedStyle(el).backgroundColor,
      );
    // The tokens' blue, not the transparent default a blocked stylesheet would leave.
    expect(background).toMatch(/^rgb\(/);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });
});
