/**
 * Where each page of the site lands on disk, and the relative links between those files. A page is written as
 * `<path>/index.html`, its English version (`?lang=en`) as `<path>/index.en.html`, a later page of a long list
 * (`?page=2`) as `<path>/index.p2.html`; assets and downloads keep their path. Other query parameters (filters) are
 * dropped: a static site holds each page's default view.
 */
import { posix } from 'node:path';

/** A page of the site: its path and language, e.g. `{ path: '/plans/x', lang: 'en' }`. */
export interface SitePage {
  path: string;
  lang: 'ja' | 'en';
  /** A later page of a paged list (`?page=2`); absent for the first. */
  page?: number;
}

/** `?page=n` when n is a whole number above 1 (the first page is the page itself). */
function pageNumber(url: URL): number | undefined {
  const text = url.searchParams.get('page');
  return text !== null && /^\d+$/.test(text) && Number(text) > 1 ? Number(text) : undefined;
}

const origin = 'http://static.invalid';

/** The page a same-site link leads to, or undefined for other sites, mailto: and bare fragments. */
export function pageOfLink(href: string, fromPath: string): { page: SitePage; hash: string } | undefined {
  if (href === '' || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//'))
    return undefined;
  const url = new URL(href, `${origin}${fromPath}`);
  const page: SitePage = { path: url.pathname, lang: url.searchParams.get('lang') === 'en' ? 'en' : 'ja' };
  const number = pageNumber(url);
  if (number !== undefined) page.page = number;
  return { page, hash: url.hash };
}

/** The key a crawl stores a page under: `/plans/x`, `/plans/x?lang=en` or `/nodes/y?page=2&lang=en`. */
export function pageKey(page: SitePage): string {
  const query = [page.page === undefined ? '' : `page=${page.page}`, page.lang === 'en' ? 'lang=en' : '']
    .filter((q) => q !== '')
    .join('&');
  return query === '' ? page.path : `${page.path}?${query}`;
}

/** The request for a page: its path, with `?lang=en` for English. */
export const pageUrl = pageKey;

/**
 * The page a key names, so a crawl can keep keys alone: `pageOfKey(pageKey(page))` is `page` again.
 * @example pageOfKey('/nodes/y?page=2&lang=en') // { path: '/nodes/y', lang: 'en', page: 2 }
 */
export function pageOfKey(key: string): SitePage {
  const found = pageOfLink(key, '/');
  if (!found) throw new Error(`ページの鍵ではありません (not a page key): ${key}`);
  return found.page;
}

const segments = (path: string) =>
  path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s));

/**
 * The file a page is written to, relative to the site's folder.
 * @example fileOfPage({ path: '/nodes/a.b', lang: 'en' }, true) // "nodes/a.b/index.en.html"
 */
export function fileOfPage(page: SitePage, html: boolean): string {
  const parts = segments(page.path);
  if (!html) return parts.length === 0 ? 'index' : parts.join('/');
  const name = [
    'index',
    page.page === undefined ? '' : `p${page.page}`,
    page.lang === 'en' ? 'en' : '',
    'html',
  ]
    .filter((p) => p !== '')
    .join('.');
  return [...parts, name].join('/');
}

/**
 * The link from one written file to another, percent-encoded, with the fragment kept.
 * @example relativeLink('nodes/y/index.html', 'plans/x/index.html', '#L3') // "../../plans/x/index.html#L3"
 */
export function relativeLink(fromFile: string, toFile: string, hash = ''): string {
  const relative = posix.relative(posix.dirname(fromFile), toFile);
  return `${relative.split('/').map(encodeURIComponent).join('/')}${hash}`;
}

/** True when a path is one of ours that a file must not escape, e.g. `..` segments. */
export const safeFile = (file: string): boolean => !file.split('/').some((s) => s === '..' || s === '');
