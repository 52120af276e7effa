/**
 * A citizen reads the whole public site: home → pillar → policy with its chart, the terms side by side, the
 * English switch and the printable report. axe-core checks every page type; the results feed /accessibility.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPdfPages } from '../../src/web/report/print-pdf.ts';
import {
  axeViolations,
  launchBrowser,
  type RunningServer,
  startServer,
  textSizes,
} from '../helpers/browser.ts';
import { type DemoApp, findDemoNode, hasObservedIndicator, openDemoApp } from '../helpers/web.ts';

const screenshots = 'test-output/screenshots';
const widths = [1280, 390] as const;
const require = createRequire(import.meta.url);

let demo: DemoApp;
let server: RunningServer;
let browser: Browser;
const checked: { name: string; path: string; width: number; violations: number }[] = [];

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
  if (checked.length === 0) return;
  // The policy page states these results; docs/ keeps the last run for checkouts without test-output/.
  const { version } = JSON.parse(await readFile(require.resolve('axe-core/package.json'), 'utf8')) as {
    version: string;
  };
  const results = {
    testedAt: new Date().toISOString().slice(0, 10),
    axeVersion: version,
    rules: 'WCAG 2.0/2.1 A・AA（axe-core タグ wcag2a, wcag2aa, wcag21aa）',
    pages: checked,
    violations: checked.reduce((sum, p) => sum + p.violations, 0),
  };
  const json = `${JSON.stringify(results, null, 2)}\n`;
  await mkdir('test-output', { recursive: true });
  await writeFile('test-output/a11y-results.json', json);
  // The committed copy changes only when the results do, so a test run leaves `git status` clean.
  if (!(await sameResultsAsCommitted(results))) await writeFile('docs/a11y-results.json', json);
});

/** Whether docs/a11y-results.json already holds these results, whatever day it was tested. */
async function sameResultsAsCommitted(results: { testedAt: string }): Promise<boolean> {
  const committed = await readFile('docs/a11y-results.json', 'utf8').catch(() => undefined);
  if (committed === undefined) return false;
  const withoutDate = (value: { testedAt?: string }) => JSON.stringify({ ...value, testedAt: undefined });
  return withoutDate(JSON.parse(committed) as { testedAt?: string }) === withoutDate(results);
}

/** Saves a screenshot and checks the page with axe-core, recording the count for /accessibility. */
async function check(page: Page, name: string, width: number) {
  await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
  const violations = await axeViolations(page);
  checked.push({ name, path: new URL(page.url()).pathname, width, violations: violations.length });
  expect(violations, `${name} at ${width} px`).toEqual([]);
  // Read without squinting or scrolling sideways (issue 15): no text under 12 px, nothing wider than the screen.
  expect((await textSizes(page)).small, `${name} at ${width} px`).toEqual([]);
  const overflow = (await page.evaluate(
    'document.documentElement.scrollWidth - window.innerWidth',
  )) as number;
  expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0);
}

async function open(width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  return { page, errors };
}

describe.each(widths)('a citizen at %i px', (width) => {
  it('goes from home to a pillar and a policy, and sees a chart with its table and figures with rules', async () => {
    const target = await findDemoNode(demo.store, (n) => n.kind === 'policy' && hasObservedIndicator(n));
    const context = target && (await demo.store.getNode(target.node.id));
    const pillar = context?.ancestors[0];
    if (!target || !pillar) throw new Error('demo has no policy with an observed indicator');
    const { page, errors } = await open(width);
    await page.goto(`${server.baseUrl}/`);
    // The current plan has not started, so its pillars state their coverage and say so instead of drawing bars.
    await expect.poll(() => page.locator('.progress-summary .coverage').count()).toBeGreaterThan(0);
    await check(page, 'site-home', width);

    await page.click(`main a[href="/plans/${target.planId}"]`);
    await page.waitForURL(`**/plans/${target.planId}`);
    await check(page, 'site-plan', width);

    await page.click(`main h2 a[href="/nodes/${pillar.id}"]`);
    await page.waitForURL(`**/nodes/${pillar.id}`);
    await check(page, 'site-pillar', width);

    await page.click(`main a[href="/nodes/${target.node.id}"]`);
    await page.waitForURL(`**/nodes/${target.node.id}`);
    expect(await page.locator('.indicator-chart svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await page.locator('figure.indicator-figure table.indicator-table').count()).toBeGreaterThan(0);
    const rules = await page.locator('.figure-rule').allTextContents();
    expect(rules.length).toBeGreaterThan(0);
    // The drawing shown at this width fills its column and no more.
    const chart = await page.locator('.indicator-chart svg >> visible=true').first().boundingBox();
    expect(chart?.width).toBeGreaterThan(width / 2);
    expect(chart?.width).toBeLessThanOrEqual(width);
    // The drawing shown at this width keeps its labels at 12 px or more (12.9 px at 390, 18.7 px at 1280).
    expect((await textSizes(page)).smallestChartLabel).toBeGreaterThanOrEqual(12);
    await check(page, 'site-policy', width);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads the terms side by side, the organization’s page, the document, and the accessibility policy', async () => {
    const { page, errors } = await open(width);
    await page.goto(`${server.baseUrl}/`);
    await page.click('main a[href="/organizations/komoro/terms"]');
    await page.waitForURL('**/organizations/komoro/terms');
    expect(await page.locator('.terms > .term').count()).toBe((await demo.store.listPlans()).length);
    await check(page, 'site-terms', width);
    // The organization's own entry under its 団体コード lists its plans and leads to each.
    await page.goto(`${server.baseUrl}/o/202088`);
    expect(await page.locator('main .card').count()).toBe((await demo.store.listPlans()).length);
    await check(page, 'site-organization', width);
    await page.goto(`${server.baseUrl}/documents/komoro-pride-vol5`);
    await check(page, 'site-document', width);
    await page.click('footer a[href="/accessibility"]');
    await page.waitForURL('**/accessibility');
    await check(page, 'site-accessibility', width);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to English and back, staying on the same page', async () => {
    const { page } = await open(width);
    await page.goto(`${server.baseUrl}/plans/mirai-2016`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.click('header a.lang-switch');
    await page.waitForURL('**/plans/mirai-2016?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The plan has no English title: its Japanese one is marked lang="ja" and visibly "Japanese only".
    expect(await page.locator('h1 span[lang="ja"]').count()).toBe(1);
    expect(await page.locator('h1 .ja-only').isVisible()).toBe(true);
    await check(page, 'site-plan-en', width);
    await page.click('header a.lang-switch');
    await page.waitForURL(/\/plans\/mirai-2016$/);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.close();
  });

  it('opens the report, which prints to A4 on more than one page', async () => {
    const { page, errors } = await open(width);
    await page.goto(`${server.baseUrl}/plans/mirai-2016`);
    await page.click('main a[href="/plans/mirai-2016/report"]');
    await page.waitForURL('**/plans/mirai-2016/report');
    expect(await page.locator('.footnotes li').count()).toBeGreaterThan(0);
    await check(page, 'site-report', width);
    if (width === 1280) {
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      await writeFile('test-output/report-mirai-2016.pdf', pdf);
      const pages = countPdfPages(pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
