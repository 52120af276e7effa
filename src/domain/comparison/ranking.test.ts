import { describe, expect, it } from 'vitest';
import { rankingRuleOf, rankValues } from './ranking.ts';

const entries = [
  { value: 19.8, tieBreak: '202088' },
  { value: 29.2, tieBreak: '162094' },
  { value: 19.8, tieBreak: '201006' },
  { value: 12.0, tieBreak: '272108' },
];

describe('rankingRuleOf', () => {
  it('ranks the largest first when more is better', () => {
    expect(rankingRuleOf(['increase', 'increase'])).toEqual({
      order: 'higher_first',
      judged: true,
      directions: ['increase'],
    });
  });

  it('ranks the smallest first when less is better or 1位 is best', () => {
    expect(rankingRuleOf(['decrease']).order).toBe('lower_first');
    expect(rankingRuleOf(['rank']).order).toBe('lower_first');
  });

  it('makes no judgement for maintain or for directions that differ', () => {
    expect(rankingRuleOf(['maintain'])).toMatchObject({ order: 'higher_first', judged: false });
    expect(rankingRuleOf(['unspecified'])).toMatchObject({ order: 'higher_first', judged: false });
    expect(rankingRuleOf(['decrease', 'increase'])).toEqual({
      order: 'higher_first',
      judged: false,
      directions: ['increase', 'decrease'],
    });
  });
});

describe('rankValues', () => {
  it('gives equal values one rank and skips the next (1, 2, 2, 4)', () => {
    const ranked = rankValues(entries, { order: 'higher_first' });
    expect(ranked.map((e) => [e.tieBreak, e.rank, e.tied])).toEqual([
      ['162094', 1, false],
      ['201006', 2, true],
      ['202088', 2, true],
      ['272108', 4, false],
    ]);
  });

  it('turns the order round when less is better', () => {
    const ranked = rankValues(entries, { order: 'lower_first' });
    expect(ranked.map((e) => [e.value, e.rank])).toEqual([
      [12, 1],
      [19.8, 2],
      [19.8, 2],
      [29.2, 4],
    ]);
  });

  it('ranks nothing when there is nothing', () => {
    expect(rankValues([], { order: 'higher_first' })).toEqual([]);
  });
});
