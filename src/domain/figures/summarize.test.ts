import { describe, expect, it } from 'vitest';
import {
  councilWomen,
  furusatoCitizens,
  furusatoNozei,
  indicator,
  node,
  plan,
  point,
} from '../../../test/helpers/figure-fixtures.ts';
import { defaultRatingScale } from './rating-scale.ts';
import { summarizeNode, summarizePlan } from './summarize.ts';

const onTarget = indicator({
  id: 'on-target',
  name: '達成',
  unit: '件',
  direction: 'increase',
  target: point(10),
  observations: [point(12, '2019')],
});

const pillar = node({
  id: 'pillar-1',
  kind: 'pillar',
  title: '市役所の改革と健全財政',
  indicators: [furusatoNozei],
  children: [
    node({ id: 'policy-a', status: 'done', indicators: [councilWomen] }),
    node({ id: 'policy-b', status: 'in_progress', indicators: [furusatoCitizens, onTarget] }),
    node({ id: 'policy-c' }),
  ],
});

describe('summarizeNode', () => {
  const s = summarizeNode(pillar, {
    achievementFormula: 'ratio_to_target',
    ratingScale: defaultRatingScale,
    statusVocabulary: null,
  });

  it("counts the children's statuses and the implementation rate", () => {
    expect(s.status).toMatchObject({ total: 3, rated: 2, done: 1, unassessed: 1 });
    // 1 done of the 2 rated; policy-c, 未評価, is not in the denominator.
    expect(s.status.implementationRate.text).toBe('50.0%');
  });

  it("grades every indicator below and including the node's own", () => {
    expect(s.indicatorCount).toBe(4);
    expect(s.ratingDistribution.grades).toEqual([
      { grade: 'A', count: 1, percent: 33.4 },
      { grade: 'B', count: 1, percent: 33.3 },
      { grade: 'C', count: 0, percent: 0 },
      { grade: 'D', count: 1, percent: 33.3 },
    ]);
    expect(s.ratingDistribution.rule).toBe(
      '達成率100%以上をA、80%以上をB、50%以上をC、それ未満をDとして3指標を評価（評価できない1指標を除く）。割合は小数第1位に丸め、合計が100.0%になるよう端数の大きいものから0.1%ずつ足す',
    );
  });

  it('averages the rates it could compute', () => {
    // (120 + 89.777… + 3.682) ÷ 3 = 71.153…
    expect(s.meanAchievementRate.text).toBe('71.2%');
    expect(s.rules.length).toBeGreaterThanOrEqual(3);
  });

  it('summarises a leaf by its own status', () => {
    const leaf = summarizeNode(node({ id: 'leaf', status: 'done' }), {
      achievementFormula: 'ratio_to_target',
      ratingScale: null,
      statusVocabulary: null,
    });
    expect(leaf.status.implementationRate.text).toBe('100.0%');
    expect(leaf.ratingDistribution).toMatchObject({ rated: 0, unrated: 0 });
    expect(leaf.meanAchievementRate).toMatchObject({ value: null, reason: 'no_items' });
  });
});

describe('summarizePlan', () => {
  it('rolls up the whole tree with the plan’s formula and scale', () => {
    const p = plan({ ratingScale: defaultRatingScale, nodes: [pillar] });
    const s = summarizePlan(p);
    expect(s.status.total).toBe(3);
    expect(s.ratingDistribution.rated).toBe(3);
  });
});
