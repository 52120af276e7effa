import { describe, expect, it } from 'vitest';
import { point } from '../../../test/helpers/figure-fixtures.ts';
import { difference, percentChange, pointChange, ratio } from './change.ts';

const yen = (value: number, date: string | null = null) => ({ point: point(value, date), unit: '円' });
const count = (value: number) => ({ point: point(value), unit: '件' });
const pct = (value: number) => ({ point: point(value), unit: '%' });

describe('ratio', () => {
  it('gives ふるさと納税 679万 → 3億4300万 as 50.5倍 with both values', () => {
    const from = yen(6_790_000, '<2016-04');
    const to = yen(343_000_000, '2020-01');
    const r = ratio(from, to);
    expect(r).toMatchObject({ text: '50.5倍', unit: '倍', from: from.point, to: to.point });
    expect(r.value).toBeCloseTo(50.515, 3);
  });

  it('gives 差押件数 102 → 140 as 1.4倍 and 換価額 3,536 → 5,533 千円 as 1.6倍', () => {
    expect(ratio(count(102), count(140)).text).toBe('1.4倍');
    const k = (v: number) => ({ point: point(v), unit: '千円' });
    expect(ratio(k(3_536), k(5_533)).text).toBe('1.6倍');
  });

  it('is null with a reason for a zero baseline, opposite signs and different units', () => {
    expect(ratio(count(0), count(5))).toMatchObject({ value: null, reason: 'zero_baseline' });
    expect(ratio(count(-3), count(5))).toMatchObject({ value: null, reason: 'opposite_signs' });
    expect(ratio(count(3), yen(5))).toMatchObject({ value: null, reason: 'different_units' });
    expect(ratio(count(0), count(5)).text).toContain('基準値が0');
  });

  it('refuses ranks out of different fields', () => {
    const rank = (value: number, rankOf: number) => ({ point: point(value, null, { rankOf }), unit: '位' });
    expect(ratio(rank(25, 812), rank(5, 77))).toMatchObject({ value: null, reason: 'different_units' });
  });
});

describe('percentChange', () => {
  it('gives 差押件数 +37.3% and 換価額 +56.5%', () => {
    expect(percentChange(count(102), count(140)).text).toBe('+37.3%');
    const k = (v: number) => ({ point: point(v), unit: '千円' });
    expect(percentChange(k(3_536), k(5_533)).text).toBe('+56.5%');
  });

  it('writes a fall with a minus sign', () => {
    const r = percentChange(count(200), count(150));
    expect(r).toMatchObject({ value: -25, text: '−25.0%' });
  });

  it('measures a change between negatives against the size of the base', () => {
    expect(percentChange(count(-100), count(-50)).value).toBe(50);
  });

  it('is null for a zero baseline', () => {
    expect(percentChange(count(0), count(1))).toMatchObject({ value: null, reason: 'zero_baseline' });
  });
});

describe('pointChange', () => {
  it('gives 19.8% → 29.2% as +9.4ポイント and 19.8% → 23.8% as +4.0ポイント', () => {
    expect(pointChange(pct(19.8), pct(29.2))).toMatchObject({ value: 9.4, text: '+9.4ポイント' });
    expect(pointChange(pct(19.8), pct(23.8))).toMatchObject({ value: 4, text: '+4.0ポイント' });
  });

  it('gives 特定検診 34.5% → 39.7% as +5.2ポイント', () => {
    expect(pointChange(pct(34.5), pct(39.7)).text).toBe('+5.2ポイント');
  });

  it('treats a count of a whole as a percentage', () => {
    const of68 = (v: number) => ({ point: point(v, null, { outOf: 68 }), unit: '区' });
    expect(pointChange(of68(34), of68(61)).text).toBe('+39.7ポイント');
  });

  it('is null unless both values are percentages', () => {
    expect(pointChange(count(1), count(2))).toMatchObject({ value: null, reason: 'not_percentage' });
    expect(pointChange(pct(1), count(2))).toMatchObject({ value: null, reason: 'not_percentage' });
  });
});

describe('difference', () => {
  it('gives 102件 → 140件 as +38件 in the unit', () => {
    expect(difference(count(102), count(140))).toMatchObject({ value: 38, unit: '件', text: '+38件' });
  });

  it('writes no change as ±0 and a fall with a minus sign', () => {
    expect(difference(count(5), count(5)).text).toBe('±0件');
    expect(difference(count(5), count(2)).text).toBe('−3件');
  });

  it('gives a difference of percentages in points, without float noise', () => {
    expect(difference(pct(34.5), pct(39.7))).toMatchObject({
      value: 5.2,
      unit: 'ポイント',
      text: '+5.2ポイント',
    });
  });

  it('is null for different units', () => {
    expect(difference(count(5), yen(5))).toMatchObject({ value: null, reason: 'different_units' });
  });
});
