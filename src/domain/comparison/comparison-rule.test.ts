import { describe, expect, it } from 'vitest';
import { comparisonRuleWords } from './comparison-rule.ts';
import { rankingRuleOf } from './ranking.ts';

const definition = { name: '待機児童数', unit: '人', kind: 'outcome' } as const;

describe('comparisonRuleWords', () => {
  it('names the definition compared and the order, in Japanese', () => {
    const words = comparisonRuleWords(
      { definition, rule: rankingRuleOf(['decrease']), spellings: ['待機児童数'], datesDiffer: false },
      'ja',
    );
    expect(words[0]).toBe('比べている定義: 名称「待機児童数」、単位「人」、成果指標。');
    expect(words.join('')).toContain('値の小さい順に並べています（小さいほど良い指標）。');
    expect(words.join('')).not.toContain('日付が異なります');
  });

  it('says so in English when the order is no judgement and the dates differ', () => {
    const words = comparisonRuleWords(
      {
        definition: { ...definition, unit: '' },
        rule: rankingRuleOf(['increase', 'decrease']),
        spellings: ['待機児童数', '待機児童 数'],
        datesDiffer: true,
      },
      'en',
    ).join(' ');
    expect(words).toContain('Definition compared: name “待機児童数”, no unit, outcome indicator.');
    expect(words).toContain('aim in different directions (increase, decrease), so the order is no judgement');
    expect(words).toContain('Spellings of the name counted as this definition: “待機児童数”, “待機児童 数”.');
    expect(words).toContain('The values are of different dates');
  });
});
