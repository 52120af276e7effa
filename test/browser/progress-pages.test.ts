/**
 * Issue 15 at both widths: the history of a published change and 「最近の変更」 read without squinting or scrolling
 * sideways: axe finds nothing, no text is under 12 px, nothing overflows the viewport.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditingStore } from '../../src/store/editing/index.ts';
import { appendRevision } from '../../src/store/editing/revisions.ts';
import {
  axeViolations,
  launchBrowser,
  type RunningServer,
  startServer,
  textSizes,
} from '../helpers/browser.ts';
import { type DemoApp, openDemoApp } from '../helpers/web.ts';

const screenshots = 'test-output/screenshots';
// Home, the 2016 plan, its pillar, the policy with its chart and the report are read the same way, by a citizen
// clicking through them, in public-site-pages.test.ts.
const pages = [
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
    const sizes = await textSizes(page);
    expect(sizes.small).toEqual([]);
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    )) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
