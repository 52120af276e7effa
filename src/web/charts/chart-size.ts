/**
 * The two drawings of every chart. An SVG scales its type with its width, so one drawing cannot keep labels at
 * 12 px both in a phone's 358 px column and in a desktop's 1,120 px one: pages carry a narrow and a wide
 * drawing and show one by the screen's width (site.css, 48rem).
 */
export interface ChartSize {
  /** The drawing's width and height in SVG units (its viewBox). */
  width: number;
  height: number;
  /** The type size in SVG units. */
  fontSize: number;
  /** Keeps the ids of the two drawings of one chart apart on the page. */
  idSuffix: string;
}

export const chartSizes = {
  /**
   * Phones: 360 units shown in a 358 px column (390 px screen less the page's 1 rem margins) draw 13-unit type at
   * 12.9 px; up to the 48rem breakpoint the column only grows, and the type with it.
   */
  narrow: { width: 360, height: 280, fontSize: 13, idSuffix: '-narrow' },
  /** From 48rem (768 px, a column of 736 px or more): 12-unit type at 12.3 px and up (18.7 px at 1,280). */
  wide: { width: 720, height: 300, fontSize: 12, idSuffix: '' },
} as const satisfies Record<string, ChartSize>;
