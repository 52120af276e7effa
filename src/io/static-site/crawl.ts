/**
 * Crawls the real Hono app in memory with `app.request()`, no server: from the start pages it follows every
 * same-site href, src and action in HTML and every url() in CSS, keeping each page's response.
 */
import type { Hono } from 'hono';
import type { OnProgress } from '../../domain/progress.ts';
import { linksOf } from './rewrite-links.ts';
import { pageKey, pageOfLink, pageUrl, type SitePage } from './site-paths.ts';

export interface CrawledPage {
  page: SitePage;
  contentType: string;
  body: Uint8Array;
  /** Set for HTML and CSS, whose links are rewritten. */
  text?: string;
  /** The Content-Security-Policy header the app sent, which the static copy repeats in a meta element. */
  contentSecurityPolicy?: string;
}

/** A link the app answered with something else than a page, and the page linking to it. */
export interface MissingPage {
  url: string;
  status: number;
  from: string;
}

/** What the crawl remembers of a page once handed to `onPage`: no body, so memory does not grow with the site. */
export interface CrawledEntry {
  page: SitePage;
  contentType: string;
  contentSecurityPolicy?: string;
  /** HTML or CSS, whose links the copy rewrites. */
  hasLinks: boolean;
}

export interface CrawlResult {
  pages: Map<string, CrawledEntry>;
  /** Redirects: the key asked for → the key it leads to. */
  aliases: Map<string, string>;
  missing: MissingPage[];
}

export interface CrawlOptions {
  /** The home pages and search unless given. */
  start?: SitePage[];
  /** Pages kept when the app serves them and not missing when it does not (downloads). */
  optional?: SitePage[];
  onProgress?: OnProgress;
  /** Receives each page as it is rendered, e.g. to write it to disk. */
  onPage: (page: CrawledPage) => Promise<void>;
}

// Staff pages, per-record history and API queries need the server; the API's description is a plain file.
const skipped = /^\/(admin|login|logout|history|api\/v1\/(?!openapi\.json$))/;

/** True for paths a static copy leaves out; links to them are removed. */
export const isSkipped = (path: string): boolean => skipped.test(path);

const kindOf = (contentType: string): 'html' | 'css' | undefined =>
  contentType.includes('text/html') ? 'html' : contentType.includes('text/css') ? 'css' : undefined;

/**
 * Every page reachable from `start` (default: the home pages and search) and from those `optional` pages the
 * app answers, each handed to `onPage` as soon as it is rendered (and then forgotten but for its entry), telling
 * `onProgress` how many pages are rendered out of those found so far.
 * @example const { pages, missing } = await crawlSite(app, { onPage: (p) => save(p) }) // pages.get('/plans/x')
 */
export async function crawlSite(
  app: Hono,
  { start = defaultStart, optional = [], onProgress, onPage }: CrawlOptions,
): Promise<CrawlResult> {
  const result: CrawlResult = { pages: new Map(), aliases: new Map(), missing: [] };
  const queued = new Set<string>();
  const queue: { page: SitePage; from: string }[] = [];
  const enqueue = (page: SitePage, from: string) => {
    const key = pageKey(page);
    if (queued.has(key) || isSkipped(page.path)) return;
    queued.add(key);
    queue.push({ page, from });
  };
  for (const page of start) enqueue(page, '');
  // Optional pages (downloads) are kept when the app serves them and are not missing when it does not.
  for (const page of optional) enqueue(page, optionalStart);
  let rendered = 0;
  onProgress?.({ step: 'render-pages', done: rendered, total: queued.size });
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    await crawlPage(app, next, result, enqueue, onPage);
    rendered += 1;
    onProgress?.({ step: 'render-pages', done: rendered, total: queued.size });
  }
  return result;
}

/** Requests one page and keeps it (or its redirect, or its absence), queueing the pages it links to. */
async function crawlPage(
  app: Hono,
  { page, from }: { page: SitePage; from: string },
  result: CrawlResult,
  enqueue: (page: SitePage, from: string) => void,
  onPage: (page: CrawledPage) => Promise<void>,
): Promise<void> {
  const key = pageKey(page);
  const response = await app.request(pageUrl(page));
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) {
    const target = pageOfLink(location, page.path);
    if (target) {
      result.aliases.set(key, pageKey(target.page));
      enqueue(target.page, key);
      return;
    }
  }
  if (response.status !== 200) {
    if (from !== optionalStart) result.missing.push({ url: key, status: response.status, from });
    return;
  }
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  const body = new Uint8Array(await response.arrayBuffer());
  const kind = kindOf(contentType);
  const crawled: CrawledPage = { page, contentType, body };
  const policy = response.headers.get('content-security-policy');
  if (policy !== null) crawled.contentSecurityPolicy = policy;
  if (kind) {
    crawled.text = new TextDecoder().decode(body);
    for (const href of linksOf(crawled.text, kind)) {
      const target = pageOfLink(href, page.path);
      if (target) enqueue(kind === 'css' ? { ...target.page, lang: 'ja' } : target.page, key);
    }
  }
  await onPage(crawled);
  const entry: CrawledEntry = { page, contentType, hasLinks: kind !== undefined };
  if (policy !== null) entry.contentSecurityPolicy = policy;
  result.pages.set(key, entry);
}

const optionalStart = '(optional)';

const defaultStart: SitePage[] = [
  { path: '/', lang: 'ja' },
  { path: '/', lang: 'en' },
  { path: '/search', lang: 'ja' },
];
