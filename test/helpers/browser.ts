/**
 * Browser tests: Debian's Chromium driven by playwright-core, and the app served on a free local port.
 * The flags keep Chromium from reaching the network on its own, so a test only sees our server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { type Browser, chromium, type Page } from 'playwright-core';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves `app` on 127.0.0.1 at a port the OS picks. */
export function startServer(app: Hono): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        baseUrl: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) on the open page and returns what it finds.
 * Evaluated over the DevTools protocol, so the page's CSP (no inline script) does not block it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<AxeResult> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

export interface TextSizes {
  /** Texts drawn under the given size, as "11.5px: the words". */
  small: string[];
  /** The smallest chart label as the screen shows it (SVG font size × the drawing's scale), or null without a chart. */
  smallestChartLabel: number | null;
}

/**
 * The texts a reader sees under `minPx`: HTML text by its computed size, chart text by its size once the SVG is
 * scaled to its column. Hidden drawings (the other of a chart's two) are skipped.
 */
export async function textSizes(page: Page, minPx = 12): Promise<TextSizes> {
  // Evaluated as text in the page, so this file needs no DOM types.
  return (await page.evaluate(`(() => {
    const min = ${minPx};
    const small = [];
    let smallestChartLabel = null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent.trim() || parent.getClientRects().length === 0) continue;
      const svg = parent.closest('svg');
      if (svg && (parent.closest('title, desc'))) continue;
      let size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (svg) {
        const box = svg.viewBox.baseVal;
        if (box && box.width > 0) size = size * svg.getBoundingClientRect().width / box.width;
        smallestChartLabel = smallestChartLabel === null ? size : Math.min(smallestChartLabel, size);
      }
      if (size < min) small.push(size.toFixed(1) + 'px: ' + node.textContent.trim().slice(0, 30));
    }
    return { small, smallestChartLabel };
  })()`)) as TextSizes;
}
