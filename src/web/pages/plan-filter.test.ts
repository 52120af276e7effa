import { describe, expect, it } from 'vitest';
import type { PlanNode } from '../../domain/model.ts';
import { defaultStatusVocabulary } from '../../domain/status.ts';
import { applyPlanFilter, countBelowPillars } from './plan-filter.ts';

const node = (id: string, status: string | null, children: PlanNode[] = []): PlanNode => ({
  id,
  kind: children.length ? 'pillar' : 'policy',
  title: id,
  status,
  statusDate: null,
  continues: [],
  achievements: [],
  programSheets: [],
  indicators: [],
  evaluations: [],
  children,
});

const pillars = [
  node('p1', null, [node('a', 'done'), node('b', null, [node('b1', 'done')])]),
  node('p2', null, [node('c', 'planned')]),
];

describe('applyPlanFilter', () => {
  it('keeps nodes with the status and the parents that lead to them', () => {
    const shown = applyPlanFilter(pillars, defaultStatusVocabulary, { status: 'done' });
    expect(shown.map((p) => p.id)).toEqual(['p1']);
    expect(shown[0]?.children.map((n) => n.id)).toEqual(['a', 'b']);
    expect(shown[0]?.children[1]?.children.map((n) => n.id)).toEqual(['b1']);
  });

  it('counts a node without a status as unassessed', () => {
    const shown = applyPlanFilter(pillars, defaultStatusVocabulary, { status: 'unassessed' });
    expect(shown[0]?.children.map((n) => n.id)).toEqual(['b']);
  });

  it('keeps one pillar whole', () => {
    expect(applyPlanFilter(pillars, defaultStatusVocabulary, { pillar: 'p2' })).toEqual([pillars[1]]);
  });

  it('counts the nodes below the pillars', () => {
    expect(countBelowPillars(pillars)).toBe(4);
  });
});
