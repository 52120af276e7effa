import { describe, expect, it } from 'vitest';
import { nullableNumber, toBoolean, toNumber, withoutUndefined } from './values.ts';

describe('driver value conversions', () => {
  it('reads pg int8/numeric strings as numbers', () => {
    expect(toNumber('12')).toBe(12);
    expect(toNumber('-12.81')).toBe(-12.81);
    expect(nullableNumber(null)).toBeNull();
  });

  it('refuses what is not a number instead of passing NaN on', () => {
    expect(() => toNumber('abc')).toThrow('数値ではありません (not a number): abc');
  });

  it('reads SQLite 0/1 and pg booleans as booleans', () => {
    expect([1, 0, true, false, '1', '0'].map(toBoolean)).toEqual([true, false, true, false, true, false]);
  });

  it('drops undefined keys but keeps null ones', () => {
    expect(Object.keys(withoutUndefined({ a: undefined, b: null, c: 0 }))).toEqual(['b', 'c']);
  });
});
