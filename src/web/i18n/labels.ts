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
  ja: {
    increase: '増やす',
    decrease: '減らす',
    maintain: '維持する',
    rank: '順位を上げる',
    unspecified: '記載なし',
  },
  en: {
    increase: 'Increase',
    decrease: 'Decrease',
    maintain: 'Maintain',
    rank: 'Rise in rank',
    unspecified: 'Not stated',
  },
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

/** Columns of an evaluation table: the cycle's stages, or the kind of evaluator outside the cycle. */
export const evaluationColumnLabels: Labels<
  'first' | 'second' | 'external' | 'final' | 'self' | 'internal' | 'citizen'
> = {
  ja: {
    first: '一次評価',
    second: '二次評価',
    external: '外部評価',
    final: '最終判断',
    self: '自己評価',
    internal: '内部評価',
    citizen: '市民評価',
  },
  en: {
    first: 'First review (department)',
    second: 'Second review (management)',
    external: 'External review',
    final: 'Final decision',
    self: 'Self-evaluation',
    internal: 'Internal review',
    citizen: 'Citizens',
  },
};

export const budgetEffectLabels: Labels<'increase' | 'unchanged' | 'decrease' | 'abolish'> = {
  ja: { increase: '増額', unchanged: '据え置き', decrease: '減額', abolish: '廃止' },
  en: { increase: 'Increase', unchanged: 'Unchanged', decrease: 'Decrease', abolish: 'Abolish' },
};
