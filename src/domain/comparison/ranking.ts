/**
 * Ranking one definition's values across organizations. The order follows the indicators' 方向 (direction): more is
 * better (increase) ranks the largest first, less is better (decrease, and a 順位 where 1位 is best) the smallest
 * first. An indicator to keep level (maintain) or with no stated direction (unspecified), or organizations that disagree on the direction, are listed largest
 * first with no judgement: the rule says so. Equal values share a rank (1, 2, 2, 4).
 */
import type { directions } from '../model.ts';

export type Direction = (typeof directions)[number];

export interface RankingRule {
  /** Which value comes first. */
  order: 'higher_first' | 'lower_first';
  /** Whether first means best: false for maintain and for directions that differ between organizations. */
  judged: boolean;
  /** The distinct directions of the compared indicators, in the model's order. */
  directions: Direction[];
}

const directionOrder: readonly Direction[] = ['increase', 'decrease', 'maintain', 'rank', 'unspecified'];

/**
 * The rule for the compared indicators' directions.
 * @example rankingRuleOf(['decrease', 'decrease']) // { order: 'lower_first', judged: true, directions: ['decrease'] }
 */
export function rankingRuleOf(compared: readonly Direction[]): RankingRule {
  const distinct = directionOrder.filter((d) => compared.includes(d));
  const [only] = distinct;
  // Keeping level, or no stated direction (記載なし), makes no order better than another.
  if (distinct.length === 1 && only !== undefined && only !== 'maintain' && only !== 'unspecified') {
    return {
      order: only === 'increase' ? 'higher_first' : 'lower_first',
      judged: true,
      directions: distinct,
    };
  }
  return { order: 'higher_first', judged: false, directions: distinct };
}

export interface Rankable {
  value: number;
  /** Orders equal values (they keep one rank), e.g. the municipality code, so the list reads the same every time. */
  tieBreak: string;
}

export type Ranked<T> = T & {
  /** 1-based; equal values share the smaller rank. */
  rank: number;
  /** True when another entry has the same value. */
  tied: boolean;
};

/**
 * The entries in the rule's order with their ranks.
 * @example rankValues([{ value: 3, tieBreak: 'a' }, { value: 5, tieBreak: 'b' }, { value: 3, tieBreak: 'c' }], rule)
 * // higher first: ranks 1 (5), 2 (3, a), 2 (3, c)
 */
export function rankValues<T extends Rankable>(
  entries: readonly T[],
  rule: Pick<RankingRule, 'order'>,
): Ranked<T>[] {
  const sign = rule.order === 'higher_first' ? -1 : 1;
  const sorted = [...entries].sort(
    (a, b) => sign * (a.value - b.value) || (a.tieBreak < b.tieBreak ? -1 : a.tieBreak > b.tieBreak ? 1 : 0),
  );
  const counts = new Map<number, number>();
  for (const e of sorted) counts.set(e.value, (counts.get(e.value) ?? 0) + 1);
  let rank = 0;
  return sorted.map((entry, index) => {
    if (index === 0 || sorted[index - 1]?.value !== entry.value) rank = index + 1;
    return { ...entry, rank, tied: (counts.get(entry.value) ?? 0) > 1 };
  });
}
