/**
 * The words an organization evaluates in: its 観点 (viewpoints) and its 今後の方向性 (next steps), or the glossary's
 * defaults when it configured none. Every city words them differently (拡充/継続/改善/縮小/廃止・休止/完了 …).
 */
import type { EvaluationStage, NextStepDefinition, Organization, ViewpointDefinition } from './model.ts';

export const defaultViewpoints: readonly ViewpointDefinition[] = [
  { code: 'necessity', label: '必要性', labelEn: 'Necessity' },
  { code: 'appropriateness', label: '妥当性', labelEn: 'Appropriateness' },
  { code: 'effectiveness', label: '有効性', labelEn: 'Effectiveness' },
  { code: 'efficiency', label: '効率性', labelEn: 'Efficiency' },
  { code: 'fairness', label: '公平性', labelEn: 'Fairness' },
];

/** 見直し: a change of course (改善・縮小・廃止); 拡充・継続・完了 are not. */
export const defaultNextSteps: readonly NextStepDefinition[] = [
  { code: 'expand', label: '拡充', labelEn: 'Expand', countsAsReview: false },
  { code: 'continue', label: '継続', labelEn: 'Continue', countsAsReview: false },
  { code: 'improve', label: '改善', labelEn: 'Improve', countsAsReview: true },
  { code: 'reduce', label: '縮小', labelEn: 'Reduce', countsAsReview: true },
  { code: 'abolish', label: '廃止', labelEn: 'Abolish', countsAsReview: true },
  { code: 'complete', label: '完了', labelEn: 'Complete', countsAsReview: false },
];

type Vocabularies = Pick<Organization, 'evaluationViewpoints' | 'nextStepVocabulary'>;

/** The organization's viewpoints, in its order. @example viewpointsOf({ evaluationViewpoints: null, … })[0].label // "必要性" */
export function viewpointsOf(org: Vocabularies): readonly ViewpointDefinition[] {
  return org.evaluationViewpoints ?? defaultViewpoints;
}

/** The organization's next steps, in its order. @example nextStepsOf({ nextStepVocabulary: null, … })[0].label // "拡充" */
export function nextStepsOf(org: Vocabularies): readonly NextStepDefinition[] {
  return org.nextStepVocabulary ?? defaultNextSteps;
}

/** The stages of the yearly cycle in words, in the order they happen. */
export const evaluationStageLabels: Record<EvaluationStage, { label: string; labelEn: string }> = {
  first: { label: '一次評価', labelEn: 'first-stage evaluation (department)' },
  second: { label: '二次評価', labelEn: 'second-stage evaluation (management)' },
  external: { label: '外部評価', labelEn: 'external evaluation (committee)' },
  final: { label: '最終判断', labelEn: 'final decision' },
};
