/**
 * Prints a page to PDF with headless Chromium (playwright-core). The flags keep Chromium from reaching the
 * network on its own, so only our local server is contacted.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { type OnProgress, progressCounter } from '../../domain/progress.ts';

export const defaultChromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumMissingMessage = (path: string) =>
  `Chromium が見つかりません: ${path}。\`sudo apt-get install chromium fonts-noto-cjk\` でインストールするか、CHROMIUM_PATH で場所を指定してください (Chromium not found at ${path}; install it with \`sudo apt-get install chromium fonts-noto-cjk\` or set CHROMIUM_PATH)`;

export type PrintResult = { ok: true; pdf: Buffer } | { ok: false; error: string };

// Launching Chromium, loading the page, printing it.
const printSteps = 3;

/**
 * The page at `url` as an A4 PDF, or why it could not be printed; `onProgress` hears of each of the three steps.
 * @example await printPdf('http://127.0.0.1:8080/plans/x/report')
 */
export async function printPdf(
  url: string,
  executablePath = defaultChromiumPath,
  onProgress?: OnProgress,
): Promise<PrintResult> {
  if (!existsSync(executablePath)) return { ok: false, error: chromiumMissingMessage(executablePath) };
  const steps = progressCounter(onProgress, 'print-pdf', printSteps, 1);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    steps.add();
    const page = await browser.newPage();
    const response = await page.goto(url);
    if (!response?.ok()) {
      return { ok: false, error: `ページを開けません (cannot open the page): ${response?.status()} ${url}` };
    }
    steps.add();
    // Margins come from the page's own @page rule (A4, 15 mm × 12 mm). Tagged, so a screen reader reads the
    // headings, lists and tables; the outline (bookmarks) follows the headings.
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    });
    steps.add();
    return { ok: true, pdf };
  } finally {
    await browser.close();
  }
}

/** How many pages a PDF has, by its page objects. @example countPdfPages(pdf) // 6 */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
