/**
 * A citizen reads how a plan was evaluated: the plan's 「行政評価」 section and a program's evaluations, at phone and
 * desktop widths, checked by axe-core; the printed report carries the same section on its own sheet.
 * (The site-wide accessibility results file is written by public-site-pages.test.ts only.)
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
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
import {
  type EvaluationApp,
  openEvaluationApp,
  openHirakataApp,
  openOtherDemoApp,
} from '../helpers/evaluation-app.ts';

const screenshots = 'test-output/screenshots';
const widths = [1280, 390] as const;

let fixture: EvaluationApp;
let hirakata: EvaluationApp;
let ofunato: EvaluationApp;
let server: RunningServer;
let hirakataServer: RunningServer;
let ofunatoServer: RunningServer;
let browser: Browser;

beforeAll(async () => {
  fixture = await openEvaluationApp();
  hirakata = await openHirakataApp();
  server = await startServer(fixture.app);
  hirakataServer = await startServer(hirakata.app);
  ofunato = await openOtherDemoApp('ofunato');
  ofunatoServer = await startServer(ofunato.app);
  browser = await launchBrowser();
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await hirakataServer?.close();
  await ofunatoServer?.close();
  await fixture?.close();
  await hirakata?.close();
  await ofunato?.close();
});

async function open(width: number, path: string, on: RunningServer = server): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const res = await page.goto(`${on.baseUrl}${path}`);
  expect(res?.status()).toBe(200);
  expect(errors).toEqual([]);
  return page;
}

async function check(page: Page, name: string, width: number) {
  await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
  expect(await axeViolations(page), `${name} at ${width} px`).toEqual([]);
}

describe.each(widths)('evaluations at %i px', { tags: ['browser'] }, (width) => {
  it('shows the plan’s 行政評価 with each evaluator in its own column (stacked on a phone)', async () => {
    const page = await open(width, '/plans/evaluation-plan');
    const section = page.locator('section.plan-evaluations');
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByRole('heading', { name: '行政評価' }).isVisible()).resolves.toBe(true);
    const table = section.getByRole('table');
    await expect(table.getByText('52.5 / 100（100点）').isVisible()).resolves.toBe(true);
    // On a phone each cell names its evaluator, as the column header is out of sight.
    const label = await table
      .locator('td[data-label="外部評価"]')
      .first()
      .evaluate((td) => {
        // Runs in the page; tsconfig has no DOM lib.
        const view = globalThis as unknown as {
          getComputedStyle(e: unknown, pseudo: string): { content: string };
        };
        return view.getComputedStyle(td, '::before').content;
      });
    expect(label).toBe(width === 390 ? '"外部評価"' : 'none');
    await check(page, 'plan-evaluations', width);
    await page.close();
  });

  it('shows a program’s evaluations on its page, in English too', async () => {
    const page = await open(width, '/nodes/evaluation-plan.p1.a');
    await expect(page.getByRole('heading', { name: '評価', exact: true }).isVisible()).resolves.toBe(true);
    await check(page, 'program-evaluations', width);
    // The budget chart's labels, as the screen shows them, stay at 12 px or more.
    const sizes = await textSizes(page);
    expect(sizes.smallestChartLabel).toBeGreaterThanOrEqual(12);
    console.log(
      `program page chart labels at ${width} px: smallest ${sizes.smallestChartLabel?.toFixed(2)} px`,
    );
    await page.close();
    const en = await open(width, '/nodes/evaluation-plan.p1.a?lang=en');
    await expect(en.getByRole('columnheader', { name: 'Second review (management)' }).count()).resolves.toBe(
      1,
    );
    await check(en, 'program-evaluations-en', width);
    await en.close();
  });
});

describe.each(widths)('枚方市’s published review at %i px', { tags: ['browser'] }, (width) => {
  it('shows the counts of decisions and the budget effect, each total beside the sum of its parts', async () => {
    const page = await open(width, '/plans/hirakata-shiwake-2010', hirakataServer);
    const section = page.locator('section.plan-evaluations');
    await expect(section.getByRole('heading', { name: '予算への反映' }).isVisible()).resolves.toBe(true);
    await expect(section.getByText('内訳の合計 ▲58,834千円').first().isVisible()).resolves.toBe(true);
    await check(page, 'hirakata-rollups', width);
    await page.close();
  });
});

describe.each(widths)('大船渡市’s 事務事業評価シート at %i px', { tags: ['browser'] }, (width) => {
  it('shows a program’s cost by year with the sheet’s printed totals, staffing and directions', async () => {
    const page = await open(width, '/nodes/ofunato-r7.0583', ofunatoServer);
    const table = page.locator('table.cost-table');
    await table.scrollIntoViewIfNeeded();
    await expect(table.getByRole('cell', { name: '73,552千円' }).isVisible()).resolves.toBe(true);
    const printed = page.locator('ul.printed-figures').last();
    await expect(printed.getByText('延べ業務時間: 60時間').isVisible()).resolves.toBe(true);
    await expect(page.getByText('改革改善（縮小・統合含む）').first().isVisible()).resolves.toBe(true);
    await check(page, 'ofunato-program-sheet', width);
    await page.close();
  });

  it('shows the sheet’s 対象・活動・成果指標 by year, the table scrolling in its own box on a phone, in English too', async () => {
    for (const [path, role] of [
      ['/nodes/ofunato-r7.0583', '対象指標'],
      ['/nodes/ofunato-r7.0583?lang=en', 'Target: who or what it serves'],
    ] as const) {
      const page = await open(width, path, ofunatoServer);
      const table = page.locator('table.sheet-indicators');
      await table.scrollIntoViewIfNeeded();
      // 対象 first, as the sheet lists it: the first row group is the 対象指標 with 水揚量 under it.
      await expect(table.locator('tbody').first().locator('th').first().textContent()).resolves.toBe(role);
      await expect(
        table.getByRole('rowheader', { name: '大船渡市魚市場水揚量（ｔ）' }).isVisible(),
      ).resolves.toBe(true);
      await expect(table.getByRole('cell', { name: '2万1,548ｔ' }).isVisible()).resolves.toBe(true);
      // Runs in the page; tsconfig has no DOM lib.
      const widths = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document;
        return { page: doc.documentElement.scrollWidth };
      });
      expect(widths.page, `${path} at ${width} px`).toBeLessThanOrEqual(width);
      await check(
        page,
        path.includes('lang=en') ? 'ofunato-sheet-indicators-en' : 'ofunato-sheet-indicators',
        width,
      );
      await page.close();
    }
  });
});

describe('the printed report', { tags: ['browser'] }, () => {
  it('puts 行政評価 on its own A4 sheet, with the evaluators side by side', async () => {
    const page = await open(1280, '/plans/evaluation-plan/report');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.close();
    await writeFile('test-output/report-evaluation-plan.pdf', pdf);
    expect(countPdfPages(pdf)).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', 'test-output/report-evaluation-plan.pdf', '-'], {
      encoding: 'utf8',
    });
    const sheets = text.split('\f');
    const sheet = sheets.find((s) => s.includes('行政評価') && s.includes('52.5 / 100'));
    expect(sheet, 'a sheet with the section').toBeDefined();
    expect(sheet).toContain('外部評価');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      String(sheets.indexOf(sheet ?? '') + 1),
      '-singlefile',
      'test-output/report-evaluation-plan.pdf',
      `${screenshots}/report-evaluation-plan`,
    ]);
  });
});
