/**
 * Links to the outside world are http: or https: only. A javascript:, data: or vbscript: URL in a document or
 * source would run as script the moment a reader clicks it, on the site and in the static export alike.
 */
import { z } from 'zod';
import { fieldOf, textLimits, tooLongMessage } from './text-limits.ts';

const webProtocols = new Set(['http:', 'https:']);

/**
 * The refusal, naming the field it is about.
 * @example webUrlMessage('source.url') // "「source.url」の URL は http: か https: …"
 */
export const webUrlMessage = (field: string) =>
  `「${field}」の URL は http: か https: で始まるものだけ使えます (${field}: only http: and https: URLs are allowed; javascript:, data: and other schemes are refused)`;

/** A URL a page may link to; every boundary (JSON import, forms, write API) reads URLs with it. */
export const webUrl = z
  .url({
    protocol: /^https?$/i,
    error: (issue) => webUrlMessage(fieldOf(issue.path, 'url')),
  })
  .max(textLimits.url, {
    error: (issue) => tooLongMessage(fieldOf(issue.path, 'url'), textLimits.url),
  });

/**
 * Whether a stored text may become a link: data written before this check, or behind its back, is not trusted.
 * @example isWebUrl('https://www.city.komoro.lg.jp/') // true
 * @example isWebUrl('javascript:alert(1)') // false
 */
export function isWebUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  return webProtocols.has(new URL(text).protocol);
}
