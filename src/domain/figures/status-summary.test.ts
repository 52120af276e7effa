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
  it('counts per status, states coverage, and rates only the rated, saying so', () => {
    const nodes = ['done', 'done', 'in_progress', null].map((status, i) => node({ id: `n${i}`, status }));
    const s = summarizeStatuses(nodes, defaultStatusVocabulary);
    expect(s.counts.find((c) => c.code === 'done')?.count).toBe(2);
    expect(s.counts.find((c) => c.code === 'unassessed')?.count).toBe(1);
    expect(s).toMatchObject({ total: 4, rated: 3, done: 2, unassessed: 1, rateIsHeadline: true });
    expect(s.coverage).toMatchObject({ value: 75, text: '75.0%' });
    expect(s.implementationRate).toMatchObject({ value: 66.6666666667, text: '66.7%' });
    expect(s.rule).toBe(
      '対象4件のうち状況が示されているのは3件、未評価は1件。実施率は、状況が示されている3件のうち「完了」の2件の割合で、未評価は分母に入れない。状況が示されているのが半分未満のときは、実施率を見出しにしない。',
    );
    expect(s.ruleEn).toContain('The implementation rate is the 2 marked “Done” out of the 3 with a status');
  });

  it('on a plan where most nodes are unrated, rates the few rated and keeps the rate out of the headline', () => {
    // The 2016 manifesto as stored: 35 promises, 2 完了, 1 進行中, 32 未評価 (it once read 「実施率 5.7%」).
    const statuses = [...Array(2).fill('done'), 'in_progress', ...Array(32).fill(null)];
    const nodes = statuses.map((status, i) => node({ id: `n${i}`, status }));
    const s = summarizeStatuses(nodes, defaultStatusVocabulary);
    expect(s).toMatchObject({ total: 35, rated: 3, unassessed: 32, done: 2, rateIsHeadline: false });
    expect(s.coverage.text).toBe('8.6%');
    expect(s.implementationRate.text).toBe('66.7%');
    expect(s.implementationRate.value === null ? '' : s.implementationRate.rule).toContain(
      '未評価32件は含めない',
    );
  });

  it('makes the rate a headline from half rated on', () => {
    const half = ['done', null].map((status, i) => node({ id: `n${i}`, status }));
    expect(summarizeStatuses(half, defaultStatusVocabulary).rateIsHeadline).toBe(true);
    const less = ['done', null, null].map((status, i) => node({ id: `n${i}`, status }));
    expect(summarizeStatuses(less, defaultStatusVocabulary).rateIsHeadline).toBe(false);
  });

  it('takes the status a later plan gives a node it continues, and counts it as carried', () => {
    const nodes = [
      node({ id: 'early-a' }),
      node({ id: 'early-b' }),
      node({ id: 'early-c', status: 'in_progress' }),
    ];
    const done = defaultStatusVocabulary[0];
    if (!done) throw new Error('no done status');
    const later = new Map([
      [
        'early-a',
        { status: done, nodeId: 'late-a', nodeTitle: 'A', planId: 'late', planTitle: '小泉市政2期8年の足跡' },
      ],
      // A node with its own status keeps it.
      [
        'early-c',
        { status: done, nodeId: 'late-c', nodeTitle: 'C', planId: 'late', planTitle: '小泉市政2期8年の足跡' },
      ],
    ]);
    const s = summarizeStatuses(nodes, defaultStatusVocabulary, later);
    expect(s).toMatchObject({ total: 3, rated: 2, done: 1, unassessed: 1, carried: 1 });
    expect(s.counts.find((c) => c.code === 'done')).toMatchObject({ count: 1, carried: 1 });
    expect(s.counts.find((c) => c.code === 'in_progress')).toMatchObject({ count: 1, carried: 0 });
    expect(s.rule).toContain('うち1件は引き継いだ後の計画での状況');
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
    expect(s.rule).toContain('「◎」・「○」の2件の割合');
  });

  it('is null with a reason when there is nothing to count', () => {
    expect(summarizeStatuses([], defaultStatusVocabulary).implementationRate).toMatchObject({
      value: null,
      reason: 'no_items',
    });
  });

  it('has no rate when nothing is rated, only the coverage 0 of N', () => {
    const s = summarizeStatuses([node({ id: 'a' }), node({ id: 'b' })], defaultStatusVocabulary);
    expect(s).toMatchObject({ total: 2, rated: 0, rateIsHeadline: false });
    expect(s.coverage.text).toBe('0.0%');
    expect(s.implementationRate).toMatchObject({ value: null, reason: 'no_items' });
  });
});
