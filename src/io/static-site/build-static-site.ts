/**
 * Writes the whole public site as static files: every page the app links to (both languages), stylesheets,
 * chart images and downloads, with links made relative so the folder works from any static host or from disk
 * (file://), plus a search that runs in the browser over a prebuilt index.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { type OnProgress, progressCounter } from '../../domain/progress.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { planTableNames } from '../export/plan-tables.ts';
import { type CrawledEntry, type CrawledPage, crawlSite, isSkipped, type MissingPage } from './crawl.ts';
import { metaPolicy, withCspMeta } from './csp-meta.ts';
import { rewriteCssLinks, rewriteHtmlLinks } from './rewrite-links.ts';
import { staticSearchEntries } from './search-index.ts';
import { fileOfPage, pageKey, pageOfLink, relativeLink, type SitePage, safeFile } from './site-paths.ts';

export interface BuildStaticSiteOptions {
  /** The public app (`createApp({ store, search })`), driven in memory. */
  app: Hono;
  /** For the search index. */
  store: ReadStore;
  /** The folder to write into; created when missing. */
  outDir: string;
  /** Told how many pages are rendered, then how many files are written. */
  onProgress?: OnProgress;
}

export interface StaticSiteResult {
  /** Written files, relative to `outDir`. */
  files: string[];
  /** Links the app itself could not answer: they stay broken in the copy too. */
  missing: MissingPage[];
  searchEntries: number;
}

const searchScript = 'assets/static-search.js';
const searchIndexScript = 'search-index.js';
/** The history's head at build time, at the site's root. */
export const historyHeadFile = 'history-head.json';

// The open-data downloads of src/web/downloads/routes.ts, copied when the app mounts them at /downloads.
const planDownloads = [
  'export.json',
  'export.xlsx',
  'datapackage.json',
  ...planTableNames.map((t) => `${t}.csv`),
];

async function downloadPages(store: ReadStore): Promise<SitePage[]> {
  const plans = await store.listPlans();
  return plans.flatMap((plan) =>
    planDownloads.map((name) => ({
      path: `/downloads/plans/${encodeURIComponent(plan.id)}/${name}`,
      lang: 'ja' as const,
    })),
  );
}

const isHtml = (page: Pick<CrawledPage, 'contentType'>) => page.contentType.includes('text/html');

function filesOf(pages: Map<string, CrawledEntry>): Map<string, string> {
  return new Map([...pages].map(([key, page]) => [key, fileOfPage(page.page, isHtml(page))]));
}

/** Rewrites one page's links to relative file links. */
function rewritePage(
  page: CrawledEntry & { text: string },
  file: string,
  files: Map<string, string>,
  aliases: Map<string, string>,
) {
  const replace = (href: string) => {
    const target = pageOfLink(href, page.page.path);
    if (!target) return undefined;
    if (isSkipped(target.page.path)) return null;
    let key = pageKey(target.page);
    key = aliases.get(key) ?? key;
    // Stylesheets and images are the same in both languages.
    const to = files.get(key) ?? files.get(target.page.path) ?? fileOfPage(target.page, true);
    return relativeLink(file, to, target.hash);
  };
  const text = page.text;
  if (!isHtml(page)) return rewriteCssLinks(text, replace);
  return withCspMeta(rewriteHtmlLinks(text, replace), metaPolicy(page.contentSecurityPolicy));
}

/** The search page runs the browser search: its index as a script (file:// forbids fetch) and the client. */
function withStaticSearch(html: string, file: string): string {
  const scripts = [searchIndexScript, searchScript]
    .map((src) => `<script src="${relativeLink(file, src)}" defer></script>`)
    .join('');
  return html.replace('</head>', `${scripts}</head>`);
}

async function write(outDir: string, file: string, body: string | Uint8Array): Promise<void> {
  if (!safeFile(file)) throw new Error(`書き出せないパスです (unsafe path): ${file}`);
  const path = join(outDir, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, body);
}

/**
 * Crawls the app and writes the static site into `outDir`.
 * @example await buildStaticSite({ app, store, outDir: 'public' }) // { files: ['index.html', …], missing: [] }
 */
export async function buildStaticSite({
  app,
  store,
  outDir,
  onProgress,
}: BuildStaticSiteOptions): Promise<StaticSiteResult> {
  // Each page goes to disk as it is rendered; memory holds file names, not pages. Links are made relative after
  // the crawl, one file at a time, since a link's target file is known only once its page has answered.
  const crawl = await crawlSite(app, {
    optional: await downloadPages(store),
    ...(onProgress ? { onProgress } : {}),
    onPage: (page) => write(outDir, fileOfPage(page.page, isHtml(page)), page.body),
  });
  const files = filesOf(crawl.pages);
  const written: string[] = [];
  const searchFiles = 3;
  const headFiles = 1;
  const writing = progressCounter(onProgress, 'write-files', crawl.pages.size + searchFiles + headFiles, 1);
  const rewritten = new Set<string>();
  for (const [key, page] of crawl.pages) {
    const file = files.get(key) as string;
    // A file two keys share is rewritten once: its text on disk is no longer the app's after that.
    if (page.hasLinks && !rewritten.has(file)) {
      rewritten.add(file);
      const text = await readFile(join(outDir, file), 'utf8');
      let body = rewritePage({ ...page, text }, file, files, crawl.aliases);
      if (page.page.path === '/search') body = withStaticSearch(body, file);
      await write(outDir, file, body);
    }
    written.push(file);
    writing.add();
  }
  const entries = await staticSearchEntries(store);
  const json = JSON.stringify(entries);
  await write(outDir, 'search-index.json', json);
  await write(outDir, searchIndexScript, `globalThis.mierukaSearchIndex = ${json};\n`);
  await write(outDir, searchScript, await readFile(new URL('./static-search.js', import.meta.url)));
  written.push('search-index.json', searchIndexScript, searchScript);
  writing.add(searchFiles);
  // The chain head the pages were built at, for `mieruka verify --head history-head.json` later.
  await write(outDir, historyHeadFile, `${JSON.stringify(await store.historyHead(), null, 2)}\n`);
  written.push(historyHeadFile);
  writing.add(headFiles);
  return { files: written, missing: crawl.missing, searchEntries: entries.length };
}
