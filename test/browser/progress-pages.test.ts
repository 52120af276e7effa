/**
 * Issue 15 at both widths: home, the 2016 plan, a pillar and a policy with an indicator read without squinting or
 * scrolling sideways: axe finds nothing, no text is under 12 px, nothing overflows the viewport.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditingStore } from '../../src/store/editing/index.ts';
import { appendRevision } from '../../src/store/editing/revisions.ts';
import { axeViolations, launchBrowser, type RunningServer, startServer } from '../helpers/browser.ts';
import { type DemoApp, openDemoApp } from '../helpers/web.ts';

const screenshots = 'test-output/screenshots';
const pages = [
  ['home', '/'],
  ['plan-2016', '/plans/mirai-2016'],
  ['pillar-2016', '/nodes/mirai-2016.p1'],
  ['policy-indicator', '/nodes/mirai-2016.p1.finance'],
  // Issue 15 item 6: a history with a published wording change, and 「最近の変更」.
  ['history', '/history/node/mirai-2016.p1'],
  ['changes', '/changes'],
] as const;

/** A published change of a pillar's wording and status, as staff publishing an edit would log it. */
async function publishWordingChange(db: DemoApp['db'], id: string) {
  const before = (await createEditingStore(db).getRecord('node', id))?.data as { title: string } | undefined;
  if (!before) throw new Error(`demo has no node ${id}`);
  const after = { ...before, title: `${before.title}をさらに進める`, status: 'in_progress' };
  await db.transaction().execute((trx) =>
    appendRevision(trx, {
      entity: 'node',
      entityId: id,
      planId: 'mirai-2016',
      action: 'publish',
      actor: 'kikaku',
      reason: '議会の答弁に合わせて表記を修正',
      before,
      after,
      published: true,
    }),
  );
}

let demo: DemoApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  demo = await openDemoApp({ history: true });
  await publishWordingChange(demo.db, 'mirai-2016.p1');
  server = await startServer(demo.app);
  browser = await launchBrowser();
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
});

describe.each([390, 1280])('progress pages at %i px', { tags: ['browser'] }, (width) => {
  it.each(pages)('%s: axe-clean, no text under 12 px, no horizontal overflow', async (name, path) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.baseUrl}${path}`);
    await page.screenshot({ path: `${screenshots}/progress-${name}-${width}.png`, fullPage: true });
    expect(await axeViolations(page), `${name} at ${width} px`).toEqual([]);
    // Evaluated as text in the page, so this file needs no DOM types.
    const small = (await page.evaluate(`(() => {
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        // Chart SVG text is the charts' own concern (issue 15 item 4).
        if (!parent || !node.textContent.trim() || parent.closest('svg')) continue;
        const size = Number.parseFloat(getComputedStyle(parent).fontSize);
        if (size < 12) found.push(size + 'px: ' + node.textContent.trim().slice(0, 30));
      }
      return found;
    })()`)) as string[];
    expect(small).toEqual([]);
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    )) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
