/** Percent widths as classes, because the CSP allows no inline style: `.w-505` is 50.5%. */

/** The class for a percentage, rounded to a tenth. @example widthClass(50.5) // "w-505" */
export function widthClass(percent: number): string {
  const tenths = Math.round(Math.min(100, Math.max(0, percent)) * 10);
  return `w-${tenths}`;
}

/** Every width class from 0.0% to 100.0%: about 20 kB, served once and cached. */
export function widthsCss(): string {
  return Array.from({ length: 1001 }, (_, k) => `.w-${k}{width:${k / 10}%}`).join('\n');
}
