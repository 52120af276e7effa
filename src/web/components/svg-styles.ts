/**
 * ECharts writes text styles as `style="font-size:12px;font-family:…"`; our CSP (style-src 'self') blocks style
 * attributes, so the browser drops them and logs an error. SVG accepts the same properties as attributes.
 */

const declaration = /^\s*([a-z-]+)\s*:\s*(.+?)\s*$/;

/**
 * The SVG with every `style="a:b;c:d"` turned into `a="b" c="d"` presentation attributes.
 * @example styleToAttributes('<text style="font-size:12px;">') // '<text font-size="12px">'
 */
export function styleToAttributes(svg: string): string {
  return svg.replace(/ style="([^"]*)"/g, (_, style: string) =>
    style
      .split(';')
      .map((d) => declaration.exec(d))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(([, name, value]) => ` ${name}="${(value ?? '').replaceAll('"', '&quot;')}"`)
      .join(''),
  );
}
