/**
 * FIXTURE: five made-up programs of one fiscal year, each with the stages a city's cycle would give it, so the
 * rollup can be counted by hand: continue 1 (二次 overrides 一次), abolish 1 (最終判断, −300万円), reduce 1 (一次 only,
 * −50万円), improve 1 (外部 over 一次), and one with no direction yet.
 */
import { describe, expect, it } from 'vitest';
import { type Evaluation, evaluationSchema } from '../model.ts';
import { decidingEvaluation, directionRollup, gradeShare } from './direction-rollup.ts';
import { besideReported } from './reported-beside.ts';

const e = (input: Partial<Evaluation> & Pick<Evaluation, 'id'>): Evaluation =>
  evaluationSchema.parse({
    fiscalYear: 2023,
    evaluatorKind: 'self',
    evaluatorName: '所管課',
    scale: 'A-D',
    source: { documentId: 'fixture-report' },
    ...input,
  });

const programs = [
  {
    id: 'p1',
    evaluations: [
      e({ id: 'p1-1', stage: 'first', nextStep: 'improve', grade: 'A' }),
      e({ id: 'p1-2', stage: 'second', evaluatorKind: 'internal', nextStep: 'continue', grade: 'A' }),
    ],
  },
  {
    id: 'p2',
    evaluations: [
      e({ id: 'p2-1', stage: 'first', nextStep: 'continue', grade: 'C' }),
      e({
        id: 'p2-f',
        stage: 'final',
        evaluatorKind: 'internal',
        nextStep: 'abolish',
        budgetEffect: { direction: 'abolish', amount: -3_000_000 },
      }),
    ],
  },
  {
    id: 'p3',
    evaluations: [
      e({
        id: 'p3-1',
        stage: 'first',
        nextStep: 'reduce',
        grade: 'B',
        budgetEffect: { direction: 'decrease', amount: -500_000 },
      }),
    ],
  },
  {
    id: 'p4',
    evaluations: [
      e({ id: 'p4-1', stage: 'first', nextStep: 'expand', grade: 'A' }),
      e({ id: 'p4-x', stage: 'external', evaluatorKind: 'external', nextStep: 'improve' }),
      e({ id: 'p4-old', fiscalYear: 2022, stage: 'final', nextStep: 'abolish' }),
    ],
  },
  { id: 'p5', evaluations: [e({ id: 'p5-1', stage: 'first' })] },
];

describe('decidingEvaluation', () => {
  it('takes the final decision, else the second, external and first stage, of that year only', () => {
    expect(decidingEvaluation(programs[0]?.evaluations ?? [], 2023)?.id).toBe('p1-2');
    expect(decidingEvaluation(programs[1]?.evaluations ?? [], 2023)?.id).toBe('p2-f');
    expect(decidingEvaluation(programs[3]?.evaluations ?? [], 2023)?.id).toBe('p4-x');
    expect(decidingEvaluation(programs[3]?.evaluations ?? [], 2022)?.id).toBe('p4-old');
    expect(decidingEvaluation(programs[4]?.evaluations ?? [], 2023)).toBeNull();
  });
});

describe('directionRollup', () => {
  const rollup = directionRollup(programs, 2023);

  it('counts each program once, in the vocabulary order', () => {
    expect(rollup.counts.map((c) => [c.label, c.count])).toEqual([
      ['拡充', 0],
      ['継続', 1],
      ['改善', 1],
      ['縮小', 1],
      ['廃止', 1],
      ['完了', 0],
    ]);
    expect(rollup).toMatchObject({ decided: 4, undecided: 1, unknown: [] });
    expect(rollup.rule).toBe(
      '各事業を1件と数え、最終判断・二次評価・外部評価・一次評価の順に最初にある段階の方向性をとる',
    );
  });

  it('counts 見直し by the vocabulary, with its share and rule', () => {
    expect(rollup.review).toMatchObject({
      value: 3,
      text: '3件（75.0%）',
      rule: '見直し = 改善・縮小・廃止の件数（方向性が決まった4件のうち）',
      ruleEn: 'Review = programs directed to Improve, Reduce, Abolish (of 4 with a direction)',
    });
  });

  it('sums the budget effect of the deciding evaluations', () => {
    expect(rollup.budgetEffect).toMatchObject({ value: -3_500_000, unit: '円', text: '−350万円' });
  });

  it('uses an organization’s own words and keeps codes it does not know', () => {
    const own = [
      { code: 'continue', label: '現状維持', labelEn: 'As is', countsAsReview: false },
      { code: 'improve', label: '見直し', labelEn: 'Review', countsAsReview: true },
    ];
    const result = directionRollup(programs, 2023, own);
    expect(result.counts.map((c) => [c.label, c.count])).toEqual([
      ['現状維持', 1],
      ['見直し', 1],
    ]);
    expect(result.unknown).toEqual([
      { code: 'abolish', count: 1 },
      { code: 'reduce', count: 1 },
    ]);
    expect(result.review).toMatchObject({ value: 1, text: '1件（25.0%）' });
  });

  it('has no review figure when nothing is decided', () => {
    expect(directionRollup(programs, 2019).review).toMatchObject({ value: null, reason: 'no_items' });
  });
});

describe('gradeShare beside a published rollup', () => {
  it('computes the share graded A and keeps a published 54.4% that does not follow, beside it', () => {
    // Deciding grades: p1 A (二次), p2 C (一次; 最終判断 has no grade), p3 B, p4 A: 2 of 4.
    const computed = gradeShare(programs, 2023, 'A');
    expect(computed).toMatchObject({
      value: 50,
      text: '50.0%',
      rule: 'A評価の割合 = A評価 2件 ÷ 評価済み 4件 × 100（2023年度）',
    });
    const beside = besideReported(computed, { value: 54.4, unit: '%', text: 'A評価54.4%' });
    expect(beside).toMatchObject({ agrees: false, difference: -4.4 });
  });
});
