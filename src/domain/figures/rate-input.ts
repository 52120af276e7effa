/**
 * What an achievement rate or a rating is computed from: one indicator's direction, unit and three values.
 */
import type { directions, IndicatorValue } from '../model.ts';

export type Direction = (typeof directions)[number];

export interface RateInput {
  direction: Direction;
  unit: string;
  /** The starting value: the baseline, or without one the first observation. */
  baseline: IndicatorValue | null;
  /** The latest observation. */
  actual: IndicatorValue | null;
  target: IndicatorValue | null;
}

/** Smaller is better for decreasing indicators and for ranks (25位 beats 30位). */
export function smallerIsBetter(direction: Direction): boolean {
  return direction === 'decrease' || direction === 'rank';
}

export const directionTexts: Record<Direction, string> = {
  increase: '増加を目指す指標',
  decrease: '減少を目指す指標',
  maintain: '維持を目指す指標',
  rank: '順位の指標（小さいほど良い）',
  unspecified: '目指す方向の記載がない指標',
};
