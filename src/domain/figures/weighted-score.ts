/**
 * Point scores of the kind outside committees publish: each item scored out of its own maximum,
 * the total scaled to 100 (30 + 20 + 20 + 15 + 15 点満点 → 100点満点).
 */
import { computed, type FigureResult, missing } from './figure.ts';
import { roundTo } from './number-text.ts';

export interface ScoredItem {
  name: string;
  score: number;
  maxScore: number;
}

function points(x: number): string {
  return `${roundTo(x, 1)}`;
}

/**
 * Σ得点 ÷ Σ満点 × 100. @example weightedScore([{ name: '行財政', score: 24, maxScore: 30 }, …]).text // "72.0点"
 */
export function weightedScore(items: readonly ScoredItem[]): FigureResult {
  if (items.length === 0) return missing('no_items');
  if (items.some((i) => !(i.maxScore > 0) || !(i.score >= 0) || i.score > i.maxScore)) {
    return missing('out_of_range');
  }
  const score = items.reduce((a, i) => a + i.score, 0);
  const max = items.reduce((a, i) => a + i.maxScore, 0);
  const value = Math.min(100, (score / max) * 100);
  const parts = items.map((i) => `${i.name} ${points(i.score)}/${points(i.maxScore)}点`).join('、');
  return computed({
    value,
    unit: '点',
    text: `${roundTo(value, 1).toFixed(1)}点`,
    rule: `各項目の得点を合計し、満点の合計（${points(max)}点）を100点に換算: ${points(score)} ÷ ${points(max)} × 100（${parts}）`,
  });
}
