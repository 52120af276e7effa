import { describe, expect, it } from 'vitest';
import type { PlanNode } from '../../domain/model.ts';
import { continuedByIndex, followsChain } from './plan-chain.ts';

describe('followsChain', () => {
  it('orders plans by what they follow, whatever order they come in', () => {
    const plans = [
      { id: 'c', follows: 'b' },
      { id: 'a', follows: null },
      { id: 'b', follows: 'a' },
    ];
    expect(followsChain(plans).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps plans outside the chain and survives a cycle', () => {
    const plans = [
      { id: 'x', follows: 'y' },
      { id: 'y', follows: 'x' },
      { id: 'a', follows: null },
    ];
    expect(
      followsChain(plans)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['a', 'x', 'y']);
  });
});

describe('continuedByIndex', () => {
  const node = (id: string, continues: string[] = [], children: PlanNode[] = []): PlanNode => ({
    id,
    kind: 'policy',
    title: id,
    status: null,
    statusDate: null,
    continues,
    achievements: [],
    programSheets: [],
    indicators: [],
    evaluations: [],
    children,
  });

  it('reverses continues links, nested nodes included', () => {
    const index = continuedByIndex([
      [node('old')],
      [node('p', [], [node('new1', ['old']), node('new2', ['old'])])],
    ]);
    expect(index.get('old')).toEqual(['new1', 'new2']);
    expect(index.get('new1')).toBeUndefined();
  });
});
