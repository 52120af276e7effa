import { describe, expect, it } from 'vitest';
import { node } from '../../../test/helpers/figure-fixtures.ts';
import type { StatusDefinition } from '../model.ts';
import { defaultStatusVocabulary } from '../status.ts';
import { assessedNodes, summarizeStatuses } from './status-summary.ts';

describe('assessedNodes', () => {
  it('takes leaves and nodes with a status, skipping grouping nodes without one', () => {
    const tree = [
      node({ id: 'p1', kind: 'pillar', children: [node({ id: 'a', status: 'done' }), node({ id: 'b' })] }),
      node({
        id: 'p2',
        kind: 'pillar',
        status: 'in_progress',
        children: [node({ id: 'c', status: 'done' })],
      }),
    ];
    expect(assessedNodes(tree).map((n) => n.id)).toEqual(['a', 'b', 'p2', 'c']);
  });
});

describe('summarizeStatuses', () => {
  it('counts per status, keeps 未評価 in the denominator, and says so', () => {
    const nodes = ['done', 'done', 'in_progress', null].map((status, i) => node({ id: `n${i}`, status }));
    const s = summarizeStatuses(nodes, defaultStatusVocabulary);
    expect(s.counts.find((c) => c.code === 'done')?.count).toBe(2);
    expect(s.counts.find((c) => c.code === 'unassessed')?.count).toBe(1);
    expect(s).toMatchObject({ total: 4, done: 2, unassessed: 1 });
    expect(s.implementationRate).toMatchObject({ value: 50, text: '50.0%' });
    expect(s.rule).toBe('「完了」を実施済みとして数え、対象4件（未評価1件を含む）のうち2件');
  });

  it("uses the plan's own vocabulary, where more than one status may count as done", () => {
    const marks: StatusDefinition[] = [
      { code: 'achieved', label: '◎', labelEn: 'Achieved', color: '#197a4b', countsAsDone: true },
      { code: 'progressing', label: '○', labelEn: 'Progressing', color: '#0031d8', countsAsDone: true },
      { code: 'delayed', label: '△', labelEn: 'Delayed', color: '#ac3e00', countsAsDone: false },
    ];
    const nodes = ['achieved', 'progressing', 'delayed'].map((status, i) => node({ id: `n${i}`, status }));
    const s = summarizeStatuses(nodes, marks);
    expect(s.implementationRate.text).toBe('66.7%');
    expect(s.rule).toContain('「◎」・「○」を実施済み');
  });

  it('is null with a reason when there is nothing to count', () => {
    expect(summarizeStatuses([], defaultStatusVocabulary).implementationRate).toMatchObject({
      value: null,
      reason: 'no_items',
    });
  });
});
