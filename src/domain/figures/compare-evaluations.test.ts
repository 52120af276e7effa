import { describe, expect, it } from 'vitest';
import { type Evaluation, evaluationSchema } from '../model.ts';
import { compareEvaluations } from './compare-evaluations.ts';
import { gradeOrder, normalizeEvaluation } from './evaluation-scale.ts';

let n = 0;
function evaluation(
  input: Partial<Evaluation> & Pick<Evaluation, 'evaluatorKind' | 'evaluatorName' | 'scale'>,
) {
  n += 1;
  return evaluationSchema.parse({ id: `e${n}`, source: { documentId: 'doc' }, ...input });
}

const self2019 = evaluation({
  fiscalYear: 2019,
  evaluatorKind: 'self',
  evaluatorName: '市長',
  scale: 'A-D',
  grade: 'A',
});
const committee2019 = evaluation({
  fiscalYear: 2019,
  evaluatorKind: 'external',
  evaluatorName: '外部評価委員会',
  scale: '100点',
  score: 60,
  maxScore: 100,
});
const survey2019 = evaluation({
  fiscalYear: 2019,
  evaluatorKind: 'citizen',
  evaluatorName: '市民アンケート',
  scale: '◎○△×',
  grade: '○',
});
const internal2018 = evaluation({
  fiscalYear: 2018,
  evaluatorKind: 'internal',
  evaluatorName: '行政評価',
  scale: 'A-D',
  grade: 'B',
});

describe('normalizeEvaluation', () => {
  it('puts scores by their maximum and grades by their place on 0–100', () => {
    expect(normalizeEvaluation(committee2019)?.value).toBe(60);
    expect(normalizeEvaluation(self2019)?.value).toBe(100);
    expect(normalizeEvaluation(survey2019)?.value).toBeCloseTo(66.667, 3);
    expect(gradeOrder('A-E')).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('gives null for scales with no known order', () => {
    const free = evaluation({ evaluatorKind: 'internal', evaluatorName: 'x', scale: '所見', grade: '良好' });
    expect(normalizeEvaluation(free)).toBeNull();
  });
});

describe('compareEvaluations', () => {
  const rows = compareEvaluations([self2019, committee2019, survey2019, internal2018]);

  it('makes one row per fiscal year, oldest first', () => {
    expect(rows.map((r) => r.fiscalYear)).toEqual([2018, 2019]);
    expect(rows[1]?.entries.map((e) => e.evaluation.evaluatorName)).toEqual([
      '市長',
      '外部評価委員会',
      '市民アンケート',
    ]);
  });

  it('shows each evaluation beside the mayor’s own view', () => {
    expect(rows[1]?.entries.map((e) => e.differenceFromSelf)).toEqual([null, -40, -33.3]);
  });

  it('flags disagreement and names the evaluators at the two ends', () => {
    expect(rows[1]).toMatchObject({ spread: 40, disagree: true, disagreeing: ['市長', '外部評価委員会'] });
    expect(rows[0]).toMatchObject({ spread: null, disagree: false, disagreeing: [] });
  });

  it('flags different grades on the same scale even without an order', () => {
    const a = evaluation({
      fiscalYear: 2020,
      evaluatorKind: 'self',
      evaluatorName: '市長',
      scale: '所見',
      grade: '良好',
    });
    const b = evaluation({
      fiscalYear: 2020,
      evaluatorKind: 'external',
      evaluatorName: '委員会',
      scale: '所見',
      grade: '要改善',
    });
    expect(compareEvaluations([a, b])[0]).toMatchObject({ disagree: true, disagreeing: ['市長', '委員会'] });
  });

  it('lets close views agree under the threshold', () => {
    const a = evaluation({
      fiscalYear: 2021,
      evaluatorKind: 'self',
      evaluatorName: '市長',
      scale: '100点',
      score: 80,
      maxScore: 100,
    });
    const b = evaluation({
      fiscalYear: 2021,
      evaluatorKind: 'external',
      evaluatorName: '委員会',
      scale: '100点',
      score: 70,
      maxScore: 100,
    });
    expect(compareEvaluations([a, b])[0]).toMatchObject({ spread: 10, disagree: false });
    expect(compareEvaluations([a, b], { disagreementPoints: 10 })[0]?.disagree).toBe(true);
  });
});
