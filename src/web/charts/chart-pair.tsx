/** A chart's two drawings on a page: the narrow one for phones, the wide one from 48rem and on paper (site.css). */
import { raw } from 'hono/html';
import { type ChartSize, chartSizes } from './chart-size.ts';

/** Both drawings, or null when there is nothing to draw. */
export function ChartPair({ draw }: { draw: (size: ChartSize) => string | null }) {
  const narrow = draw(chartSizes.narrow);
  const wide = draw(chartSizes.wide);
  if (narrow === null || wide === null) return null;
  // The SVGs are ours: ECharts escapes its texts and the chart modules escape the titles and summaries they add.
  return (
    <div class="indicator-chart">
      <div class="chart-narrow">{raw(narrow)}</div>
      <div class="chart-wide">{raw(wide)}</div>
    </div>
  );
}
