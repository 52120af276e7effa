/**
 * The large figure of a report's boxed highlight: the derived change the seeds print (50.5倍, +9.4ポイント),
 * else the achievement rate, else the figure the source printed (報告値). Always with the rule that made it.
 */
import { type FigureResult, type FiguresPlan, indicatorFigures } from '../../domain/figures/index.ts';
import type { Indicator, SourceRef } from '../../domain/model.ts';

export type HighlightFigure =
  | { kind: 'derived'; text: string; rule: string }
  | { kind: 'reported'; text: string; source: SourceRef };

const isPercent = (unit: string) => unit === '%' || unit === '％';

/** The figure a highlight box shows, or null when the indicator has none to show. */
export function highlightFigure(indicator: Indicator, plan: FiguresPlan): HighlightFigure | null {
  const figures = indicatorFigures(indicator, plan);
  // Percentages change in points; a ratio of two percentages reads as nonsense to a citizen.
  const order: FigureResult[] = isPercent(indicator.unit)
    ? [figures.pointChange, figures.achievementRate]
    : [figures.ratio, figures.difference, figures.achievementRate];
  const derived = order.find((f) => f.value !== null);
  if (derived && derived.value !== null) return { kind: 'derived', text: derived.text, rule: derived.rule };
  const reported = figures.reported[0];
  return reported ? { kind: 'reported', text: reported.text, source: reported.source } : null;
}
