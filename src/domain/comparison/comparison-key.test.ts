import { describe, expect, it } from 'vitest';
import { comparisonKeyOf, comparisonKeyPattern, normalizeDefinitionText } from './comparison-key.ts';

describe('comparisonKeyOf', () => {
  const rate = { name: '合計特殊出生率', unit: '', kind: 'outcome' } as const;

  it('gives a short key a path parameter accepts', () => {
    expect(comparisonKeyOf(rate)).toMatch(comparisonKeyPattern);
  });

  it('reads width, spaces and Latin case as one definition', () => {
    expect(normalizeDefinitionText(' ＫＰＩ　出生率 ')).toBe('kpi出生率');
    expect(comparisonKeyOf({ name: 'ＮＰＯ法人数', unit: '団体', kind: 'output' })).toBe(
      comparisonKeyOf({ name: 'npo 法人数', unit: '団体', kind: 'output' }),
    );
  });

  it('keeps apart a different name, unit or kind', () => {
    const keys = new Set([
      comparisonKeyOf(rate),
      comparisonKeyOf({ ...rate, name: '出生数' }),
      comparisonKeyOf({ ...rate, unit: '%' }),
      comparisonKeyOf({ ...rate, kind: 'output' }),
    ]);
    expect(keys.size).toBe(4);
  });

  it('does not let a unit run into the name', () => {
    expect(comparisonKeyOf({ name: '人口', unit: '万人', kind: 'outcome' })).not.toBe(
      comparisonKeyOf({ name: '万人口', unit: '人', kind: 'outcome' }),
    );
  });
});
