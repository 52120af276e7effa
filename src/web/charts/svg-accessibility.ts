/**
 * Makes an ECharts SVG string a named image for assistive technology, and gives its internal ids a
 * stable prefix: ECharts numbers them per process ("zr0-c0"), so two charts rendered in different
 * processes (static export, caches) would clash on one page.
 */

const xmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside an element or a quoted attribute: escapeXml('a<b') → "a&lt;b". */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => xmlEntities[c] ?? c);
}

/**
 * An id prefix that is a valid XML id and CSS class for any record id: svgIdPrefix('a.b') → "chart-a_2eb".
 * Characters outside [a-z0-9-] are hex-escaped so that distinct record ids never share a prefix.
 */
export function svgIdPrefix(recordId: string): string {
  const safe = recordId.replace(/[^a-z0-9-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}`);
  return `chart-${safe}`;
}

export interface AccessibleSvgOptions {
  idPrefix: string;
  title: string;
  description: string;
}

/**
 * Drops what only serves interaction in a browser: hover styles, the classes they hang on (numbered by a
 * process-wide counter, so the same chart would differ between renders) and ECharts' hydration metadata.
 */
export function stripInteractivity(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_\w+="[^"]*"/g, '')
    .replace(/ pointer-events="visible"/g, '');
}

/** Adds role="img", aria-labelledby, <title> and <desc> to the root element, and renames internal ids. */
export function makeSvgAccessible(svg: string, options: AccessibleSvgOptions): string {
  const { idPrefix } = options;
  // The renderer's prefix is private to zrender ("zr" + a process-wide counter), so read it off the output.
  const rendererPrefix = /id="(zr\d+-)/.exec(svg)?.[1];
  // Only ids, classes and their references carry the prefix after a quote, a # or a dot.
  const renamed = rendererPrefix
    ? svg.replace(new RegExp(`(["#.])${rendererPrefix}`, 'g'), `$1${idPrefix}-`)
    : svg;
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const head =
    ` role="img" aria-labelledby="${titleId} ${descId}">` +
    `<title id="${titleId}">${escapeXml(options.title)}</title>` +
    `<desc id="${descId}">${escapeXml(options.description)}</desc>`;
  return renamed.replace(/^(<svg\b[^>]*)>/, `$1${head}`);
}
