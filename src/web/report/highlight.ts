/**
 * The large figure of a report's boxed highlight: the derived change the seeds print (50.5倍, +9.4ポイント),
 * else the achievement rate, else the figure the source printed (報告値) in its own words. A derived figure
 * comes with the rule that made it.
 */
import { type FigureResult, type FiguresPlan, indicatorFigures } from '../../domain/figures/index.ts';
import type { Indicator, SourceRef } from '../../domain/model.ts';

export type DerivedKind = 'ratio' | 'difference' | 'pointChange' | 'achievementRate';

export type HighlightFigure =
  | { kind: 'derived'; figure: DerivedKind; text: string; rule: string }
  /** `text` is the figure in the source's own words (「実施率:89.7%」), never reformatted. */
  | { kind: 'reported'; text: string; source: SourceRef };

const isPercent = (unit: string) => unit === '%' || unit === '％';

/** The figure a highlight box shows, or null when the indicator has none to show. */
export function highlightFigure(indicator: Indicator, plan: FiguresPlan): HighlightFigure | null {
  const figures = indicatorFigures(indicator, plan);
  // Percentages change in points; a ratio of two percentages reads as nonsense to a citizen.
  const order: DerivedKind[] = isPercent(indicator.unit)
    ? ['pointChange', 'achievementRate']
    : ['ratio', 'difference', 'achievementRate'];
  for (const kind of order) {
    const f: FigureResult = figures[kind];
    if (f.value !== null) return { kind: 'derived', figure: kind, text: f.text, rule: f.rule };
  }
  const reported = figures.reported[0];
  if (!reported) return null;
  // A sign or unit we added would put words in the source's mouth: 89.7 printed as 「実施率:89.7%」 is no +89.7%.
  return { kind: 'reported', text: reported.text, source: reported.source };
}
