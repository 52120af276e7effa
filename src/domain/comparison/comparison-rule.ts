/**
 * The comparison's rules in words, in Japanese and English: which definition was compared (name, unit, kind), what
 * counts as the same definition, which value of each organization is used, and how the list is ordered.
 */
import type { ComparisonDefinition } from './comparison-key.ts';
import type { Direction, RankingRule } from './ranking.ts';

export type RuleLang = 'ja' | 'en';

export interface ComparisonRuleInput {
  definition: ComparisonDefinition;
  rule: RankingRule;
  /** The names as the organizations wrote them, when they differ only in width, spaces or case. */
  spellings: readonly string[];
  /** True when the organizations' latest values are of different dates. */
  datesDiffer: boolean;
}

const kindWords = {
  ja: { outcome: '成果指標', output: '活動指標', target: '対象指標' },
  en: { outcome: 'outcome indicator', output: 'output indicator', target: 'target indicator' },
} as const;

const directionWords: Record<RuleLang, Record<Direction, string>> = {
  ja: {
    increase: '増やす',
    decrease: '減らす',
    maintain: '維持する',
    rank: '順位を上げる',
    unspecified: '記載なし',
  },
  en: {
    increase: 'increase',
    decrease: 'decrease',
    maintain: 'maintain',
    rank: 'rank (1st is best)',
    unspecified: 'not stated',
  },
};

function orderSentence({ rule }: ComparisonRuleInput, lang: RuleLang): string {
  const [only] = rule.directions;
  if (lang === 'ja') {
    if (rule.judged) {
      if (only === 'increase') return '値の大きい順に並べています（大きいほど良い指標）。';
      if (only === 'rank') return '順位の小さい順に並べています（1位が最も良い）。';
      return '値の小さい順に並べています（小さいほど良い指標）。';
    }
    if (only === 'maintain' && rule.directions.length === 1)
      return '値の大きい順に並べています。維持を目指す指標なので、並び順は良し悪しを表しません。';
    if (only === 'unspecified' && rule.directions.length === 1)
      return '値の大きい順に並べています。目指す方向の記載がない指標なので、並び順は良し悪しを表しません。';
    const listed = rule.directions.map((d) => directionWords.ja[d]).join('・');
    return `値の大きい順に並べています。団体によって目指す方向が異なる（${listed}）ため、並び順は良し悪しを表しません。`;
  }
  if (rule.judged) {
    if (only === 'increase') return 'Listed from the largest value (more is better).';
    if (only === 'rank') return 'Listed from the smallest rank (1st is best).';
    return 'Listed from the smallest value (less is better).';
  }
  if (only === 'maintain' && rule.directions.length === 1)
    return 'Listed from the largest value; the indicator is to be kept level, so the order is no judgement.';
  if (only === 'unspecified' && rule.directions.length === 1)
    return 'Listed from the largest value; no direction is stated for the indicator, so the order is no judgement.';
  const listed = rule.directions.map((d) => directionWords.en[d]).join(', ');
  return `Listed from the largest value; the organizations aim in different directions (${listed}), so the order is no judgement.`;
}

/**
 * The rules as sentences, the definition first.
 * @example comparisonRuleWords({ definition: { name: '合計特殊出生率', unit: '', kind: 'outcome' }, … }, 'ja')[0]
 * // "比べている定義: 名称「合計特殊出生率」、単位なし、成果指標。"
 */
export function comparisonRuleWords(input: ComparisonRuleInput, lang: RuleLang): string[] {
  const { definition, spellings, datesDiffer } = input;
  const ja = lang === 'ja';
  const unit = ja
    ? definition.unit === ''
      ? '単位なし'
      : `単位「${definition.unit}」`
    : definition.unit === ''
      ? 'no unit'
      : `unit “${definition.unit}”`;
  const sentences = [
    ja
      ? `比べている定義: 名称「${definition.name}」、${unit}、${kindWords.ja[definition.kind]}。`
      : `Definition compared: name “${definition.name}”, ${unit}, ${kindWords.en[definition.kind]}.`,
    ja
      ? '名称・単位・種類（成果指標か活動指標か）がすべて同じ指標だけを同じ定義として比べます。全角と半角、空白、英字の大文字と小文字の違いは同じとみなします。'
      : 'Only indicators with the same name, unit and kind (outcome or output) are compared; full- and half-width characters, spaces and letter case do not count as differences.',
  ];
  if (spellings.length > 1) {
    const list = spellings.map((s) => (ja ? `「${s}」` : `“${s}”`)).join(ja ? '・' : ', ');
    sentences.push(
      ja
        ? `この定義に含めた名称の書き方: ${list}。`
        : `Spellings of the name counted as this definition: ${list}.`,
    );
  }
  sentences.push(
    ja
      ? '各団体の公開された指標のうち、日付が最も新しい実績値を一つ使います（同じ団体に同じ定義の指標が複数あれば、その中で最も新しいもの）。同じ値は同じ順位です。'
      : 'Each organization’s latest published observation is used (of its indicators with this definition, the one with the latest date). Equal values share a rank.',
    orderSentence(input, lang),
  );
  if (datesDiffer)
    sentences.push(
      ja
        ? '団体によって値の日付が異なります。日付の列を確かめてください。'
        : 'The values are of different dates; see the date column.',
    );
  return sentences;
}
