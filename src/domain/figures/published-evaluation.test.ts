/**
 * A plan evaluated the way Japanese manifestos are published: an outside committee's 100-point score over five
 * areas, a ◎○△ count with its implementation rate, and an A–D table of achievement rates. The expected numbers
 * are the ones such a report would print, worked out by hand below; the engine must reproduce them.
 */
import { describe, expect, it } from 'vitest';
import { indicator, node, plan, point } from '../../../test/helpers/figure-fixtures.ts';
import type { PlanNode, StatusDefinition } from '../model.ts';
import { defaultRatingScale } from './rating-scale.ts';
import { summarizePlan } from './summarize.ts';

const marks: StatusDefinition[] = [
  { code: 'achieved', label: '◎', labelEn: 'Achieved', color: '#197a4b', countsAsDone: true },
  { code: 'in_progress', label: '○', labelEn: 'In progress', color: '#0031d8', countsAsDone: true },
  { code: 'not_started', label: '△', labelEn: 'Not started', color: '#ac3e00', countsAsDone: false },
];

// Achievement rates 120, 100, 100, 90, 80, 60, 40 (%): each indicator's actual against a target of 100.
const rates = [120, 100, 100, 90, 80, 60, 40];
const indicators = rates.map((r, i) =>
  indicator({
    id: `kpi-${i}`,
    name: `指標${i}`,
    unit: '件',
    direction: 'increase',
    target: point(100),
    observations: [point(r, 'FY2019')],
  }),
);

const areas: { title: string; max: number; score: number; statuses: string[] }[] = [
  { title: '行財政改革', max: 30, score: 24, statuses: ['achieved', 'achieved', 'in_progress'] },
  { title: '地域協働', max: 20, score: 15, statuses: ['achieved', 'in_progress', 'not_started'] },
  { title: '健康・福祉', max: 20, score: 13, statuses: ['achieved', 'in_progress'] },
  { title: '産業振興', max: 15, score: 12, statuses: ['achieved', 'not_started'] },
  { title: '観光・情報', max: 15, score: 9, statuses: ['in_progress', 'not_started'] },
];

let k = 0;
const pillars: PlanNode[] = areas.map((area, a) =>
  node({
    id: `area-${a}`,
    kind: 'pillar',
    title: area.title,
    evaluations: [
      {
        id: `committee-${a}`,
        fiscalYear: 2019,
        evaluatorKind: 'external',
        evaluatorName: '外部評価委員会',
        scale: '100点',
        score: area.score,
        maxScore: area.max,
        source: { documentId: 'committee-report' },
      },
    ],
    children: area.statuses.map((status, p) => {
      const own = k < indicators.length ? [indicators[k]] : [];
      k += 1;
      return node({ id: `area-${a}-policy-${p}`, status, indicators: own });
    }),
  }),
);

const published = plan({ statusVocabulary: marks, ratingScale: defaultRatingScale, nodes: pillars });
const summary = summarizePlan(published);

describe('a published evaluation, reproduced', () => {
  it('gives the committee total: 24 + 15 + 13 + 12 + 9 = 73 of 30 + 20 + 20 + 15 + 15 = 100 → 73.0点', () => {
    expect(summary.scores).toHaveLength(1);
    expect(summary.scores[0]).toMatchObject({ evaluatorName: '外部評価委員会', fiscalYear: 2019 });
    expect(summary.scores[0]?.total).toMatchObject({ value: 73, text: '73.0点' });
  });

  it('gives ◎5 ○4 △3 of 12 and an implementation rate of (5 + 4) ÷ 12 = 75.0%', () => {
    const count = (code: string) => summary.status.counts.find((c) => c.code === code)?.count;
    expect([count('achieved'), count('in_progress'), count('not_started'), count('unassessed')]).toEqual([
      5, 4, 3, 0,
    ]);
    expect(summary.status.implementationRate.text).toBe('75.0%');
  });

  it('gives A3 B2 C1 D1 of 7 as 42.8 / 28.6 / 14.3 / 14.3%', () => {
    // Exact shares 42.857…, 28.571…, 14.285…, 14.285…: floors 42.8 + 28.5 + 14.2 + 14.2 = 99.7;
    // the three spare tenths go to the largest remainders (C .857, D .857, B .714), so A stays 42.8.
    expect(summary.ratingDistribution.grades.map((g) => [g.grade, g.count, g.percent])).toEqual([
      ['A', 3, 42.8],
      ['B', 2, 28.6],
      ['C', 1, 14.3],
      ['D', 1, 14.3],
    ]);
  });

  it('gives a mean achievement rate of 590 ÷ 7 = 84.3%', () => {
    expect(summary.meanAchievementRate.text).toBe('84.3%');
  });

  it('states every rule it used', () => {
    expect(summary.rules).toEqual([
      '対象12件のうち状況が示されているのは12件、未評価は0件。実施率は、状況が示されている12件のうち「◎」・「○」の9件の割合で、未評価は分母に入れない。状況が示されているのが半分未満のときは、実施率を見出しにしない。',
      '達成率100%以上をA、80%以上をB、50%以上をC、それ未満をDとして7指標を評価。割合は小数第1位に丸め、合計が100.0%になるよう端数の大きいものから0.1%ずつ足す',
      '達成率（実績 ÷ 目標）を計算できた7指標の単純平均（全7指標）',
      '外部評価委員会: 各項目の得点を合計し、満点の合計（100点）を100点に換算: 73 ÷ 100 × 100（行財政改革 24/30点、地域協働 15/20点、健康・福祉 13/20点、産業振興 12/15点、観光・情報 9/15点）',
    ]);
  });
});
