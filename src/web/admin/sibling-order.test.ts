import { describe, expect, it } from 'vitest';
import type { PlanNode } from '../../domain/model.ts';
import { neighbourOf, siblingsOf } from './sibling-order.ts';

const node = (id: string, children: PlanNode[] = []): PlanNode => ({
  id,
  kind: 'policy',
  title: id,
  status: null,
  statusDate: null,
  continues: [],
  achievements: [],
  programSheets: [],
  indicators: [],
  evaluations: [],
  children,
});

const tree = [node('p1', [node('a'), node('b'), node('c')]), node('p2')];

describe('siblingsOf and neighbourOf', () => {
  it('finds a nested node’s siblings and the one it swaps with', () => {
    const siblings = siblingsOf(tree, 'b') ?? [];
    expect(siblings.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(neighbourOf(siblings, 'b', 'up')?.id).toBe('a');
    expect(neighbourOf(siblings, 'b', 'down')?.id).toBe('c');
  });

  it('has no neighbour past either end or for an unknown node', () => {
    expect(neighbourOf(tree, 'p1', 'up')).toBeUndefined();
    expect(neighbourOf(tree, 'p2', 'down')).toBeUndefined();
    expect(siblingsOf(tree, 'zz')).toBeUndefined();
  });
});
