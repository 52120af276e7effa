/**
 * ECharts writes text styles as `style="font-size:12px;font-family:…"`; our CSP (style-src 'self') blocks style
 * attributes, so the browser drops them and logs an error. SVG accepts the same properties as attributes.
 */

const declaration = /^\s*([a-z-]+)\s*:\s*(.+?)\s*$/;

// Entities end in ';' too, so the attribute is decoded before it is split into declarations.
const entities: Record<string, string> = {
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
};
const decode = (text: string) => text.replace(/&(?:quot|#39|lt|gt|amp);/g, (e) => entities[e] ?? e);
const encode = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * The SVG with every `style="a:b;c:d"` turned into `a="b" c="d"` presentation attributes.
 * @example styleToAttributes('<text style="font-size:12px;">') // '<text font-size="12px">'
 */
export function styleToAttributes(svg: string): string {
  return svg.replace(/ style="([^"]*)"/g, (_, style: string) =>
    decode(style)
      .split(';')
      .map((d) => declaration.exec(d))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(([, name, value]) => ` ${name}="${encode(value ?? '')}"`)
      .join(''),
  );
}

/**
 * The SVG without its fixed width and height, so it takes its column's width and keeps its proportions from the
 * viewBox ECharts writes: a 720-unit drawing fills a 1,120 px column and a 360-unit one a phone.
 * @example fitToWidth('<svg width="720" height="320" viewBox="0 0 720 320">') // '<svg viewBox="0 0 720 320">'
 */
export function fitToWidth(svg: string): string {
  return svg.replace(/^<svg\b[^>]*>/, (root) => root.replace(/ (?:width|height)="[\d.]+"/g, ''));
}
