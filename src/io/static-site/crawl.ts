/**
 * Crawls the real Hono app in memory with `app.request()`, no server: from the start pages it follows every
 * same-site href, src and action in HTML and every url() in CSS, handing each page's response to `onPage`.
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

/** How the copy treats a page: HTML and CSS have links to rewrite, other files are copied as they are. */
export type CrawledKind = 'html' | 'css' | 'file';

/**
 * What the crawl remembers of a page once handed to `onPage`: no body, and one object shared by every page of
 * the same kind and policy, so a page costs the crawl its key and a map slot, whatever its size.
 */
export interface CrawledEntry {
  kind: CrawledKind;
  contentSecurityPolicy?: string;
}

export interface CrawlResult {
  /** Every page the app answered, by key (`pageKey`, read back with `pageOfKey`), in the order rendered. */
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

const kindOf = (contentType: string): CrawledKind =>
  contentType.includes('text/html') ? 'html' : contentType.includes('text/css') ? 'css' : 'file';

/** A page waiting to be rendered: its key is the one the crawl's set and map hold, not a copy. */
interface Pending {
  key: string;
  page: SitePage;
  from: string;
}

/**
 * Every page reachable from `start` (default: the home pages and search) and from those `optional` pages the
 * app answers, each handed to `onPage` as soon as it is rendered (and then forgotten but for its entry), telling
 * `onProgress` how many pages are rendered out of those found so far. Depth first, links in page order: a
 * plan's pages are rendered before the next plan's, so the pages found but not yet rendered stay a few branches,
 * not a whole level of the site.
 * @example const { pages, missing } = await crawlSite(app, { onPage: (p) => save(p) }) // pages.get('/plans/x')
 */
export async function crawlSite(
  app: Hono,
  { start = defaultStart, optional = [], onProgress, onPage }: CrawlOptions,
): Promise<CrawlResult> {
  const result: CrawlResult = { pages: new Map(), aliases: new Map(), missing: [] };
  const entries = new Map<string, CrawledEntry>();
  const seen = new Set<string>();
  const stack: Pending[] = [];
  // Pushed last first, so the first of them is rendered first.
  const push = (pages: SitePage[], from: string) => {
    const fresh: Pending[] = [];
    for (const page of pages) {
      const key = pageKey(page);
      if (seen.has(key) || isSkipped(page.path)) continue;
      seen.add(key);
      fresh.push({ key, page, from });
    }
    for (let i = fresh.length - 1; i >= 0; i -= 1) stack.push(fresh[i] as Pending);
  };
  // Optional pages (downloads) are kept when the app serves them and are not missing when it does not.
  push(optional, optionalStart);
  push(start, '');
  let rendered = 0;
  onProgress?.({ step: 'render-pages', done: rendered, total: seen.size });
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const found = await crawlPage(app, next, result, onPage);
    if (found.entry) result.pages.set(next.key, intern(entries, found.entry));
    push(found.links, next.key);
    rendered += 1;
    onProgress?.({ step: 'render-pages', done: rendered, total: seen.size });
  }
  return result;
}

/** The one shared entry of a kind and policy. */
function intern(entries: Map<string, CrawledEntry>, entry: CrawledEntry): CrawledEntry {
  const id = `${entry.kind} ${entry.contentSecurityPolicy ?? ''}`;
  const known = entries.get(id);
  if (known) return known;
  entries.set(id, entry);
  return entry;
}

/**
 * Requests one page and hands it to `onPage` (or records its redirect, or its absence); answers its entry and
 * the pages it links to.
 */
async function crawlPage(
  app: Hono,
  { key, page, from }: Pending,
  result: CrawlResult,
  onPage: (page: CrawledPage) => Promise<void>,
): Promise<{ entry?: CrawledEntry; links: SitePage[] }> {
  const response = await app.request(pageUrl(page));
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) {
    const target = pageOfLink(location, page.path);
    if (target) {
      result.aliases.set(key, pageKey(target.page));
      return { links: [target.page] };
    }
  }
  if (response.status !== 200) {
    if (from !== optionalStart) result.missing.push({ url: key, status: response.status, from });
    return { links: [] };
  }
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  const body = new Uint8Array(await response.arrayBuffer());
  const kind = kindOf(contentType);
  const crawled: CrawledPage = { page, contentType, body };
  const policy = response.headers.get('content-security-policy');
  if (policy !== null) crawled.contentSecurityPolicy = policy;
  const links: SitePage[] = [];
  if (kind !== 'file') {
    crawled.text = new TextDecoder().decode(body);
    for (const href of linksOf(crawled.text, kind)) {
      const target = pageOfLink(href, page.path);
      if (target) links.push(kind === 'css' ? { ...target.page, lang: 'ja' } : target.page);
    }
  }
  await onPage(crawled);
  const entry: CrawledEntry = { kind };
  if (policy !== null) entry.contentSecurityPolicy = policy;
  return { entry, links };
}

const optionalStart = '(optional)';

const defaultStart: SitePage[] = [
  { path: '/', lang: 'ja' },
  { path: '/', lang: 'en' },
  { path: '/search', lang: 'ja' },
];
