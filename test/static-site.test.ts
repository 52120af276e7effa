/**
 * The static export end to end: build the demo site into a folder, serve it with a plain file server and follow
 * every link (no 404), then open it from disk in Chromium, click through to a policy and search for 女性.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hono } from 'hono';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaticSite, type StaticSiteResult } from '../src/io/static-site/index.ts';
import { downloadRoutes } from '../src/web/downloads/routes.ts';
import { launchBrowser } from './helpers/browser.ts';
import { openDemoApp } from './helpers/web.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

/** A file server knowing nothing of the app: a path is a file or a 404. */
function serveFolder(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** Every file under a folder, relative to it, with / between names. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'));
}

const linkPattern = /\s(?:href|src|action)="([^"#]*)(?:#[^"]*)?"|url\(\s*['"]?([^'")]+)['"]?\s*\)/g;

async function crawlStatic(start: string): Promise<{ visited: Set<string>; broken: string[] }> {
  const visited = new Set<string>();
  const broken: string[] = [];
  const queue = [start];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    if (visited.has(url)) continue;
    visited.add(url);
    const res = await fetch(url);
    if (res.status !== 200) {
      broken.push(`${res.status} ${url}`);
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('html') && !type.includes('css')) continue;
    for (const match of (await res.text()).matchAll(linkPattern)) {
      const href = (match[1] ?? match[2] ?? '').replaceAll('&amp;', '&');
      if (href === '' || href.startsWith('data:') || /^[a-z]+:/i.test(href)) continue;
      const target = new URL(href, url);
      target.search = '';
      queue.push(target.href);
    }
  }
  return { visited, broken };
}

describe('mieruka build-static', { tags: ['slow'] }, () => {
  let dir: string;
  let result: StaticSiteResult;
  let files: string[];
  /** Every 50th request of the crawl: pages the app had answered before it, and files on disk then. */
  const midway: { answered: number; onDisk: number }[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-static-'));
    const demo = await openDemoApp();
    try {
      const app = new Hono();
      let asked = 0;
      let answered = 0;
      app.use(async (c, next) => {
        asked += 1;
        if (asked % 50 === 0) midway.push({ answered, onDisk: (await filesUnder(dir)).length });
        await next();
        if (c.res.status === 200) answered += 1;
      });
      // Downloads as a site mounting the download routes serves them.
      app.route('/downloads', downloadRoutes(demo.store));
      app.route('/', demo.app);
      result = await buildStaticSite({ app, store: demo.store, outDir: dir });
      files = await filesUnder(dir);
    } finally {
      await demo.close();
    }
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds every page the app links to', () => {
    expect(result.missing).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'index.en.html',
        'plans/mirai-2016/index.html',
        'plans/mirai-2016/index.en.html',
        'nodes/mirai-2016.p1.finance/index.html',
        'assets/site.css',
        'search/index.html',
        'search-index.json',
        'assets/static-search.js',
      ]),
    );
  });

  it('writes each page to disk as soon as it is rendered, not at the end', () => {
    expect(midway.length).toBeGreaterThan(5);
    // A page whose file another page's key shares (a stylesheet asked for in both languages) adds no file.
    for (const { answered, onDisk } of midway) expect(onDisk).toBeGreaterThanOrEqual(answered - 2);
    expect(result.fileCount).toBe(files.length);
  });

  it('copies the open-data downloads the app serves', async () => {
    const doc = JSON.parse(await readFile(join(dir, 'downloads/plans/mirai-2016/export.json'), 'utf8'));
    expect(doc.plans[0].id).toBe('mirai-2016');
    const csv = await readFile(join(dir, 'downloads/plans/mirai-2016/indicator-values.csv'), 'utf8');
    expect(csv).toContain('mirai-2016.i.furusato-nozei');
    expect(files).toContain('downloads/plans/mirai-2016/export.xlsx');
  });

  it('publishes the history head at the root and in every export.json, for verify --head', async () => {
    const head = JSON.parse(await readFile(join(dir, 'history-head.json'), 'utf8'));
    expect(head).toEqual({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(head.seq).toBeGreaterThan(0);
    const doc = JSON.parse(await readFile(join(dir, 'downloads/plans/mirai-2016/export.json'), 'utf8'));
    expect(doc.historyHead).toEqual(head);
    expect(files).toContain('history-head.json');
  });

  it('leaves no root-relative link in any page', async () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = await readFile(join(dir, file), 'utf8');
      expect(html, file).not.toMatch(/\s(href|src|action)="\/(?!\/)/);
    }
  });

  it("carries the server's Content-Security-Policy, less frame-ancestors, in every page", async () => {
    const demo = await openDemoApp();
    const header = (await demo.app.request('/')).headers.get('content-security-policy');
    await demo.close();
    expect(header).toContain("frame-ancestors 'none'");
    const expected = header!
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '' && !d.startsWith('frame-ancestors'))
      .join('; ');
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    for (const file of pages) {
      const html = await readFile(join(dir, file), 'utf8');
      const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
      expect(
        metas.map((m) => m[1]!.replaceAll('&#39;', "'")),
        file,
      ).toEqual([expected]);
      // Before any stylesheet or script the page loads.
      expect(html.indexOf('Content-Security-Policy'), file).toBeLessThan(html.indexOf('<link'));
    }
  });

  it('serves from a plain file server with no 404 on any link', async () => {
    const { server, base } = await serveFolder(dir);
    try {
      const { visited, broken } = await crawlStatic(`${base}/index.html`);
      expect(broken).toEqual([]);
      expect(visited.size).toBeGreaterThan(100);
      expect(visited).toContain(`${base}/nodes/mirai-2016.p1.finance/index.html`);
      expect(visited).toContain(`${base}/plans/mirai-2024/index.en.html`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  it('indexes plans, nodes, achievements and indicators for the browser search', async () => {
    const entries = JSON.parse(await readFile(join(dir, 'search-index.json'), 'utf8')) as {
      type: string;
      url: string;
    }[];
    expect(new Set(entries.map((e) => e.type))).toEqual(
      new Set(['plan', 'node', 'achievement', 'indicator']),
    );
    for (const entry of entries) expect(files).toContain(entry.url.split('#')[0]);
  });

  describe('opened from disk in Chromium', { tags: ['browser'] }, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(() => browser.close());

    it('a citizen clicks from the home page to a policy and sees its indicator value', async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await page.locator('a[href="nodes/mirai-2016.p1.finance/index.html"]').first().click();
      await page.waitForURL(/nodes\/mirai-2016\.p1\.finance\/index\.html$/);
      await expect(page.getByText('3億4300万').first().isVisible()).resolves.toBe(true);
      // The stylesheet loaded from disk too: the page is styled, not raw HTML.
      const sheets = await page.evaluate<number>('document.styleSheets.length');
      expect(sheets).toBeGreaterThan(2);
      await page.close();
    });

    it('a citizen searches 女性 (two characters) and follows a result', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) violations.push(message.text());
      });
      await page.goto(pathToFileURL(join(dir, 'search/index.html')).href);
      await page.locator('input[name="q"]').fill('女性');
      await page.locator('form.search-form button[type="submit"]').click();
      const results = page.locator('#static-search-results li a');
      await results.first().waitFor();
      expect(await results.count()).toBeGreaterThan(3);
      const titles = await results.allTextContents();
      expect(titles.every((t) => t.length > 0)).toBe(true);
      expect(titles.some((t) => t.includes('女性'))).toBe(true);
      // The page's CSP meta allowed its own scripts from disk: results appeared above, and nothing was refused.
      expect(violations).toEqual([]);
      await results.first().click();
      await page.waitForURL(/\/(nodes|plans)\/[^/]+\/index\.html/);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
