import { describe, expect, it } from 'vitest';
import { type PlausibilityInput, plausibilityWarnings, previousValue, unitScale } from './plausibility.ts';

const value = (
  over: Partial<PlausibilityInput> & { unit?: string | null; name?: string },
): PlausibilityInput => ({
  value: over.value ?? 1,
  role: over.role ?? 'observation',
  date: over.date === undefined ? 'FY2018' : over.date,
  indicator: { name: over.name ?? '指標', unit: over.unit === undefined ? '件' : over.unit },
  previous: over.previous ?? null,
  period: over.period ?? { start: '2016-04', end: '2020-04' },
});
const rulesOf = (input: PlausibilityInput) => plausibilityWarnings(input).map((w) => w.rule);

describe('share-over-100', () => {
  it('warns about a 250% staff share, in both languages', () => {
    const [warning] = plausibilityWarnings(value({ value: 250, unit: '%', name: '女性職員の割合' }));
    expect(warning).toEqual({
      rule: 'share-over-100',
      field: 'value',
      messageJa: '割合が100%を超えています (250%)',
      messageEn: 'a share above 100% (250%)',
    });
  });
  it('accepts 100% exactly, and a ratio to last year above 100%', () => {
    expect(rulesOf(value({ value: 100, unit: '%' }))).toEqual([]);
    expect(rulesOf(value({ value: 130, unit: '%', name: '観光客数の前年比' }))).toEqual([]);
  });
});

describe('negative-amount', () => {
  it('warns about −5億円 of donations and −3人', () => {
    expect(rulesOf(value({ value: -5e8, unit: '円', name: 'ふるさと納税の寄附額' }))).toEqual([
      'negative-amount',
    ]);
    expect(rulesOf(value({ value: -3, unit: '人' }))).toEqual(['negative-amount']);
    expect(rulesOf(value({ value: -5, unit: '件', name: '税金滞納に関する差押件数' }))).toEqual([
      'negative-amount',
    ]);
    expect(plausibilityWarnings(value({ value: -3, unit: '千円' }))[0]?.messageEn).toBe(
      'a negative count or amount in 千円 (-3)',
    );
  });
  it('accepts a negative change, balance, or a unitless number', () => {
    expect(rulesOf(value({ value: -120, unit: '人', name: '社会動態（転入－転出）の増減' }))).toEqual([]);
    expect(rulesOf(value({ value: -0.5, unit: null }))).toEqual([]);
    expect(rulesOf(value({ value: -1.2, unit: 'ポイント' }))).toEqual([]);
  });
});

describe('jump', () => {
  it('warns about more than ten times, or less than a tenth of, the previous value', () => {
    const previous = { value: 100, date: 'FY2017' };
    expect(rulesOf(value({ value: 1001, previous }))).toEqual(['jump']);
    expect(rulesOf(value({ value: 9, previous }))).toEqual(['jump']);
    expect(plausibilityWarnings(value({ value: 2000, previous }))[0]?.messageJa).toBe(
      '前の値 (FY2017: 100件) の20倍です。10倍を超える、または1/10未満の変化です',
    );
  });
  it('accepts exactly ten times or a tenth, and a first value', () => {
    const previous = { value: 100, date: 'FY2017' };
    expect(rulesOf(value({ value: 1000, previous }))).toEqual([]);
    expect(rulesOf(value({ value: 10, previous }))).toEqual([]);
    expect(rulesOf(value({ value: 1e6, previous: null }))).toEqual([]);
    expect(rulesOf(value({ value: 5, previous: { value: 0, date: 'FY2017' } }))).toEqual([]);
  });
  it('finds the previous value by date, not by file order', () => {
    const values = [
      { value: 3, date: 'FY2019' },
      { value: 1, date: 'FY2015' },
      { value: 2, date: 'FY2017' },
    ];
    expect(previousValue(values, 'FY2018')).toEqual({ value: 2, date: 'FY2017' });
    expect(previousValue(values, 'FY2015')).toBeNull();
  });
});

describe('outside-period', () => {
  it('warns about an FY2024 value on a 2016–2020 plan, and one before it', () => {
    const [warning] = plausibilityWarnings(value({ date: 'FY2024' }));
    expect(warning).toMatchObject({
      rule: 'outside-period',
      field: 'date',
      messageJa: '日付 FY2024 が計画の期間 (2016-04〜2020-04) の後です',
      messageEn: "the date FY2024 is after the plan's period (2016-04 to 2020-04)",
    });
    expect(rulesOf(value({ date: '2015-12' }))).toEqual(['outside-period']);
  });
  it('accepts a date inside the period, a baseline before it, a target after it, an undated value', () => {
    expect(rulesOf(value({ date: 'FY2016' }))).toEqual([]);
    expect(rulesOf(value({ date: '2020-04-30' }))).toEqual([]);
    expect(rulesOf(value({ date: 'FY2013', role: 'baseline' }))).toEqual([]);
    expect(rulesOf(value({ date: 'FY2025', role: 'target' }))).toEqual([]);
    expect(rulesOf(value({ date: null }))).toEqual([]);
  });
});

describe('beyond-unit', () => {
  it('warns about 1e32円 and 2e9人, counting 千円 as thousands', () => {
    expect(rulesOf(value({ value: 1e32, unit: '円' }))).toEqual(['beyond-unit']);
    expect(rulesOf(value({ value: 2e9, unit: '人' }))).toEqual(['beyond-unit']);
    expect(rulesOf(value({ value: 1e12, unit: '千円' }))).toEqual(['beyond-unit']);
  });
  it('accepts a large but possible amount', () => {
    expect(rulesOf(value({ value: 9.9e14, unit: '円' }))).toEqual([]);
    expect(rulesOf(value({ value: 1e9, unit: '人' }))).toEqual([]);
  });
  it('reads a unit and its scale', () => {
    expect(unitScale('千円')).toEqual({ base: '円', factor: 1000 });
    expect(unitScale('人/年')).toEqual({ base: '人', factor: 1 });
    expect(unitScale('%')).toBeNull();
  });
});

it('gives several warnings for one value in rule order', () => {
  const input = value({ value: -2e16, unit: '円', date: 'FY2030', previous: { value: 5, date: 'FY2019' } });
  expect(rulesOf(input)).toEqual(['negative-amount', 'jump', 'outside-period', 'beyond-unit']);
});
