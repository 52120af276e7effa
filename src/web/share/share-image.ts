/**
 * Share images (1200 × 630 PNG, what OGP consumers show): an SVG drawn here, turned into PNG by resvg with a
 * Japanese font found on the system (fonts-noto-cjk). Without such a font, text cannot be drawn, so every page
 * gets the generic image, which is shapes only. PNGs are cached by their SVG, so a change of data makes a new one.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { Lru } from '../cache/lru.ts';
import { xmlEscape } from '../history/atom.ts';

/** Where Debian's fonts-noto-cjk puts its Japanese-capable sans faces; the first found is used. */
const fontCandidates = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
];

const fontFamily = 'Noto Sans CJK JP';

let fontFiles: string[] | undefined;
/** The font files found (memoised); an empty list when none is installed. */
export function shareFonts(): string[] {
  fontFiles ??= fontCandidates.filter((file) => existsSync(file));
  return fontFiles;
}

/** For tests: look for fonts among other paths. */
export function useFontCandidates(paths: string[] | undefined): void {
  fontFiles = paths === undefined ? undefined : paths.filter((file) => existsSync(file));
}

export const shareWidth = 1200;
export const shareHeight = 630;

const cache = new Lru<Uint8Array>({ maxEntries: 200, maxBytes: 40 * 1024 * 1024 });

/** The SVG as PNG at its own size, from the cache when the same SVG was drawn before. */
export function svgToPng(svg: string, width = shareWidth): Uint8Array {
  const key = createHash('sha256').update(svg).update(String(width)).digest('hex');
  const cached = cache.get(key);
  if (cached) return cached;
  const fonts = shareFonts();
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: fontFamily },
  })
    .render()
    .asPng();
  cache.set(key, png, png.byteLength);
  return png;
}

/** The mark: an eye (見える) in the Digital Agency blue, used by the favicon and every share image. */
export function markSvg(x: number, y: number, size: number): string {
  const s = size / 64;
  return `<g transform="translate(${x} ${y}) scale(${s})">
  <rect width="64" height="64" rx="14" fill="#0031d8"/>
  <path d="M8 32 C18 16 46 16 56 32 C46 48 18 48 8 32 Z" fill="#fff"/>
  <circle cx="32" cy="32" r="10" fill="#0031d8"/>
  <circle cx="32" cy="32" r="4" fill="#fff"/>
</g>`;
}

const frame = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${shareWidth}" height="${shareHeight}" viewBox="0 0 ${shareWidth} ${shareHeight}">
<rect width="${shareWidth}" height="${shareHeight}" fill="#ffffff"/>
<rect y="${shareHeight - 16}" width="${shareWidth}" height="16" fill="#0031d8"/>
${body}
</svg>`;

const text = (
  x: number,
  y: number,
  size: number,
  content: string,
  style: { bold?: boolean; fill?: string } = {},
) =>
  `<text x="${x}" y="${y}" font-family="${fontFamily}" font-size="${size}" fill="${style.fill ?? '#1a1a1a'}"${style.bold ? ' font-weight="bold"' : ''}>${xmlEscape(content)}</text>`;

/** A character's width in ems, near enough: full width for CJK, about half for Latin letters and digits. */
const emWidth = (char: string) =>
  char === ' ' ? 0.25 : /[\u0020-\u024f\u2000-\u206f]/.test(char) ? 0.55 : 1;

/** Text cut into lines of at most `ems` wide, the last ending in … when the text is longer than `lines` lines. */
function wrap(content: string, ems: number, lines = 1): string[] {
  const out: string[] = [];
  let line = '';
  let width = 0;
  for (const char of Array.from(content)) {
    if (width + emWidth(char) > ems) {
      // Latin text breaks at its last space, not inside a word.
      const space = /[A-Za-z]$/.test(line) ? line.lastIndexOf(' ') : -1;
      const carried = space > 0 ? line.slice(space + 1) : '';
      out.push(space > 0 ? line.slice(0, space) : line);
      line = carried;
      width = Array.from(carried).reduce((sum, c) => sum + emWidth(c), 0);
    }
    line += char;
    width += emWidth(char);
  }
  out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${Array.from(kept[lines - 1] ?? '')
    .slice(0, -1)
    .join('')}…`;
  return kept;
}

const clip = (content: string, ems: number) => wrap(content, ems)[0] ?? '';

/** The title at 64 px when it fits one line, else on two lines at 48 px. */
function titleText(title: string): string {
  const usable = shareWidth - 160;
  const [only, ...rest] = wrap(title, usable / 64, Number.POSITIVE_INFINITY);
  if (rest.length === 0) return text(80, 250, 64, only ?? '', { bold: true });
  return wrap(title, usable / 48, 2)
    .map((line, index) => text(80, 200 + index * 64, 48, line, { bold: true }))
    .join('\n');
}

/** The site's image: the mark and the name when a font is there, the mark alone when not. */
export function genericSvg(): string {
  if (shareFonts().length === 0) return frame(markSvg(472, 187, 256));
  return frame(
    `${markSvg(80, 80, 160)}
${text(80, 380, 96, '見える化', { bold: true })}
${text(80, 460, 40, 'Mieruka')}
${text(80, 540, 36, '計画の約束と実績を、根拠の資料とともに')}`,
  );
}

export interface ProgressPicture {
  /** Above the title: the organization and the kind of plan. */
  kicker: string;
  title: string;
  /** One line of words under the bar, e.g. 「評価済み 3 / 35件 · 完了 2件」. */
  caption: string;
  /** The bar's segments, in order; counts, not shares. */
  segments: { label: string; count: number; color: string }[];
}

// Colours come from data; anything else could break out of the attribute.
const safeColor = (color: string) => (/^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#666666');

/** A plan's progress: the title, one bar of its statuses (未評価 in its own colour) and the counts in words. */
export function progressSvg(picture: ProgressPicture): string {
  if (shareFonts().length === 0) return genericSvg();
  const total = picture.segments.reduce((sum, segment) => sum + segment.count, 0);
  const barX = 80;
  const barWidth = shareWidth - 160;
  let x = barX;
  const bars = picture.segments
    .filter((segment) => segment.count > 0 && total > 0)
    .map((segment) => {
      const width = (segment.count / total) * barWidth;
      const rect = `<rect x="${x.toFixed(1)}" y="330" width="${width.toFixed(1)}" height="72" fill="${safeColor(segment.color)}" stroke="#ffffff" stroke-width="2"/>`;
      x += width;
      return rect;
    })
    .join('\n');
  return frame(
    `${markSvg(80, 60, 72)}
${text(176, 110, 36, clip(picture.kicker, 26))}
${titleText(picture.title)}
${total > 0 ? bars : ''}
${text(80, 480, 44, clip(picture.caption, 23.5))}
${text(80, 565, 32, '見える化 Mieruka', { fill: '#4d4d4d' })}`,
  );
}
