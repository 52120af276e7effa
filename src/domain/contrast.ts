/**
 * Contrast between colours as WCAG 2 defines it, for the colours the data brings (status vocabularies): which
 * text colour a badge needs, and whether two colours side by side can be told apart (3:1 for graphics, 1.4.11).
 */

const hex6 = /^#([0-9a-f]{6})$/i;

/** The relative luminance of a #rrggbb colour, 0 (black) to 1 (white); null for anything else. */
export function relativeLuminance(color: string): number | null {
  const m = hex6.exec(color);
  if (!m?.[1]) return null;
  const channel = (offset: number) => {
    const v = Number.parseInt(m[1]?.slice(offset, offset + 2) ?? '00', 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * The contrast ratio of two #rrggbb colours, 1 to 21; null when either is not one.
 * @example contrastRatio('#ffffff', '#000000') // 21
 */
export function contrastRatio(a: string, b: string): number | null {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === null || lb === null) return null;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * White or black, whichever reads better on the colour: white on dark, black on light.
 * @example readableTextOn('#00118f') // '#ffffff'
 */
export function readableTextOn(background: string): '#ffffff' | '#000000' {
  const onWhite = contrastRatio(background, '#ffffff') ?? 21;
  const onBlack = contrastRatio(background, '#000000') ?? 1;
  return onWhite >= onBlack ? '#ffffff' : '#000000';
}
