/**
 * Finds and rewrites the links of an HTML page (href, src, action) and of a stylesheet (url(), @import).
 * Our pages come from hono/jsx, which always writes attributes double-quoted and escaped, so a pattern suffices.
 */

const attribute = /(\s(?:href|src|action)=")([^"]*)(")/g;
const cssUrl = /(url\(\s*['"]?)([^'")]+)(['"]?\s*\))|(@import\s+['"])([^'"]+)(['"])/g;

const unescapeAttribute = (value: string) =>
  value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * Calls `replace` on every link of the page and puts back what it returns: undefined keeps the link,
 * null removes the attribute (a link to a page the copy cannot hold becomes plain text).
 */
export function rewriteHtmlLinks(html: string, replace: (href: string) => string | null | undefined): string {
  return html.replace(attribute, (whole, open: string, value: string, close: string) => {
    const next = replace(unescapeAttribute(value));
    if (next === null) return '';
    return next === undefined ? whole : `${open}${escapeAttribute(next)}${close}`;
  });
}

/** The same for a stylesheet's url() and @import references. */
export function rewriteCssLinks(css: string, replace: (href: string) => string | null | undefined): string {
  return css.replace(cssUrl, (whole, ...groups: (string | undefined)[]) => {
    const [urlOpen, urlValue, urlClose, importOpen, importValue, importClose] = groups;
    const open = urlOpen ?? importOpen ?? '';
    const value = urlValue ?? importValue ?? '';
    const close = urlClose ?? importClose ?? '';
    if (value.startsWith('data:')) return whole;
    const next = replace(value.trim());
    return next === undefined || next === null ? whole : `${open}${next}${close}`;
  });
}

/** Every link of a page or stylesheet, e.g. `linksOf('<a href="/x">', 'html') // ['/x']`. */
export function linksOf(text: string, kind: 'html' | 'css'): string[] {
  const found: string[] = [];
  const collect = (href: string) => {
    found.push(href);
    return undefined;
  };
  if (kind === 'html') rewriteHtmlLinks(text, collect);
  else rewriteCssLinks(text, collect);
  return found;
}
