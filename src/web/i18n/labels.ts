/** The model's codes in words, in both languages, as the glossary names them. */
import type { Evaluation, Indicator, Plan, PlanNode, PlanStatement } from '../../domain/model.ts';
import type { Lang } from './lang.ts';

type Labels<K extends string> = Record<Lang, Record<K, string>>;

export const planKindLabels: Labels<Plan['kind']> = {
  ja: {
    manifesto: 'マニフェスト',
    comprehensive_plan: '総合計画',
    strategy: '総合戦略',
    record: '実績の記録',
  },
  en: {
    manifesto: 'Manifesto',
    comprehensive_plan: 'Comprehensive plan',
    strategy: 'Strategy',
    record: 'Record of results',
  },
};

export const nodeKindLabels: Labels<PlanNode['kind']> = {
  ja: { pillar: '柱', policy: '施策', program: '事業' },
  en: { pillar: 'Pillar', policy: 'Policy', program: 'Programme' },
};

export const statementKindLabels: Labels<PlanStatement['kind']> = {
  ja: { vision: 'ビジョン', principle: '基本姿勢', message: 'メッセージ' },
  en: { vision: 'Vision', principle: 'Principles', message: 'Message' },
};

export const directionLabels: Labels<Indicator['direction']> = {
  ja: { increase: '増やす', decrease: '減らす', maintain: '維持する', rank: '順位を上げる' },
  en: { increase: 'Increase', decrease: 'Decrease', maintain: 'Maintain', rank: 'Rise in rank' },
};

export const figureLabels: Labels<
  'ratio' | 'percentChange' | 'pointChange' | 'difference' | 'achievementRate' | 'rating'
> = {
  ja: {
    ratio: '倍率',
    percentChange: '増減率',
    pointChange: 'ポイント差',
    difference: '増減',
    achievementRate: '達成率',
    rating: '評価',
  },
  en: {
    ratio: 'Ratio',
    percentChange: 'Percent change',
    pointChange: 'Point change',
    difference: 'Difference',
    achievementRate: 'Achievement rate',
    rating: 'Rating',
  },
};

export const evaluatorKindLabels: Labels<Evaluation['evaluatorKind']> = {
  ja: { self: '自己評価', internal: '内部評価', external: '外部評価', citizen: '市民評価' },
  en: {
    self: 'Self-evaluation',
    internal: 'Internal review',
    external: 'External review',
    citizen: 'Citizens',
  },
};

/** The glossary's default 今後の方向性; an organization's own words replace these where it configures them. */
export const nextStepLabels: Labels<NonNullable<Evaluation['nextStep']>> = {
  ja: {
    expand: '拡充',
    continue: '継続',
    improve: '改善',
    reduce: '縮小',
    abolish: '廃止',
    complete: '完了',
  },
  en: {
    expand: 'Expand',
    continue: 'Continue',
    improve: 'Improve',
    reduce: 'Reduce',
    abolish: 'Abolish',
    complete: 'Completed',
  },
};
