/**
 * Writes the whole public site as static files: every page the app links to (both languages), stylesheets,
 * chart images and downloads, with links made relative so the folder works from any static host or from disk
 * (file://), plus a search that runs in the browser over a prebuilt index.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { type OnProgress, progressCounter } from '../../domain/progress.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { planTableNames } from '../export/plan-tables.ts';
import { type CrawledEntry, crawlSite, isSkipped, type MissingPage } from './crawl.ts';
import { metaPolicy, withCspMeta } from './csp-meta.ts';
import { rewriteCssLinks, rewriteHtmlLinks } from './rewrite-links.ts';
import { searchIndexScript, writeSearchIndex } from './search-index-files.ts';
import { writeSiteFile } from './site-file.ts';
import { fileOfPage, pageKey, pageOfKey, pageOfLink, relativeLink, type SitePage } from './site-paths.ts';

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
  /** How many files were written: the site is on disk, not in memory. */
  fileCount: number;
  /** Links the app itself could not answer: they stay broken in the copy too. */
  missing: MissingPage[];
  searchEntries: number;
}

const searchScript = 'assets/static-search.js';
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

/** The crawl's pages as files: a key's file is worked out again when needed, never stored for the site. */
function siteFiles(pages: Map<string, CrawledEntry>, aliases: Map<string, string>) {
  const fileOf = (key: string, page: SitePage): string | undefined => {
    const entry = pages.get(key);
    return entry && fileOfPage(page, entry.kind === 'html');
  };
  /** The file a link leads to: its page's, the page it redirects to, or the asset's in either language. */
  const target = (page: SitePage): string => {
    const key = pageKey(page);
    const alias = aliases.get(key);
    const found = alias === undefined ? fileOf(key, page) : fileOf(alias, pageOfKey(alias));
    // Stylesheets and images are the same in both languages.
    const bare = { path: page.path, lang: 'ja' as const };
    return found ?? fileOf(page.path, bare) ?? fileOfPage(page, true);
  };
  return { fileOf, target };
}

/** Rewrites one page's links to relative file links. */
function rewritePage(
  text: string,
  page: SitePage,
  entry: CrawledEntry,
  file: string,
  target: (page: SitePage) => string,
) {
  const replace = (href: string) => {
    const link = pageOfLink(href, page.path);
    if (!link) return undefined;
    if (isSkipped(link.page.path)) return null;
    return relativeLink(file, target(link.page), link.hash);
  };
  if (entry.kind === 'css') return rewriteCssLinks(text, replace);
  return withCspMeta(rewriteHtmlLinks(text, replace), metaPolicy(entry.contentSecurityPolicy));
}

/** The search page runs the browser search: its index as a script (file:// forbids fetch) and the client. */
function withStaticSearch(html: string, file: string): string {
  const scripts = [searchIndexScript, searchScript]
    .map((src) => `<script src="${relativeLink(file, src)}" defer></script>`)
    .join('');
  return html.replace('</head>', `${scripts}</head>`);
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
  // Each page goes to disk as it is rendered; memory holds each page's key, not the page. Links are made relative
  // after the crawl, one file at a time, since a link's target file is known only once its page has answered.
  const crawl = await crawlSite(app, {
    optional: await downloadPages(store),
    ...(onProgress ? { onProgress } : {}),
    onPage: (page) =>
      writeSiteFile(outDir, fileOfPage(page.page, page.contentType.includes('text/html')), page.body),
  });
  const { fileOf, target } = siteFiles(crawl.pages, crawl.aliases);
  const searchFiles = 3;
  const headFiles = 1;
  const fileCount = crawl.pages.size + searchFiles + headFiles;
  const writing = progressCounter(onProgress, 'write-files', fileCount, 1);
  // A stylesheet two keys share is rewritten once: its text on disk is no longer the app's after that. HTML
  // files are one per key (their names carry language and page), so only the few stylesheets are remembered.
  const rewrittenCss = new Set<string>();
  for (const [key, entry] of crawl.pages) {
    if (entry.kind !== 'file') {
      const page = pageOfKey(key);
      const file = fileOf(key, page) as string;
      if (entry.kind === 'html' || !rewrittenCss.has(file)) {
        if (entry.kind === 'css') rewrittenCss.add(file);
        const text = await readFile(join(outDir, file), 'utf8');
        let body = rewritePage(text, page, entry, file, target);
        if (page.path === '/search') body = withStaticSearch(body, file);
        await writeSiteFile(outDir, file, body);
      }
    }
    writing.add();
  }
  const searchEntries = await writeSearchIndex(outDir, store);
  await writeSiteFile(outDir, searchScript, await readFile(new URL('./static-search.js', import.meta.url)));
  writing.add(searchFiles);
  // The chain head the pages were built at, for `mieruka verify --head history-head.json` later.
  await writeSiteFile(outDir, historyHeadFile, `${JSON.stringify(await store.historyHead(), null, 2)}\n`);
  writing.add(headFiles);
  return { fileCount, missing: crawl.missing, searchEntries };
}
