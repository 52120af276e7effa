/**
 * A static copy has no server to send the Content-Security-Policy header, so every page carries the same policy
 * the app sent with it as a `<meta http-equiv>`. A meta policy cannot hold frame-ancestors, report-uri or
 * sandbox (browsers ignore them there and warn), so those are left out.
 */

const notInMeta = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

// The app always sends a policy; this one stands in if a page came without, so no page goes unprotected.
const fallbackPolicy = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/**
 * The header's policy without the directives a meta element may not carry.
 * @example metaPolicy("default-src 'self'; frame-ancestors 'none'") // "default-src 'self'"
 */
export function metaPolicy(header: string | undefined): string {
  if (header === undefined || header.trim() === '') return fallbackPolicy;
  return header
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !notInMeta.has(directive.split(/\s+/)[0]!.toLowerCase()))
    .join('; ');
}

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * The page with its policy as the first thing after the charset, before any element that loads anything.
 * @example withCspMeta('<head><meta charset="utf-8"/>', "default-src 'self'") // '<head><meta charset="utf-8"/><meta http-equiv="Content-Security-Policy" …>'
 */
export function withCspMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}"/>`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (charset) return html.replace(charset[0], `${charset[0]}${meta}`);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.replace(head[0], `${head[0]}${meta}`);
  return `${meta}${html}`;
}
