/** The shipped list of municipalities the national benchmark generates its organizations from. */
import { describe, expect, it } from 'vitest';
import { readMunicipalities } from '../bench/municipalities.ts';
import { isValidMunicipalityCode } from '../src/domain/municipality-code.ts';

describe('data/municipalities/municipalities.csv', () => {
  const list = readMunicipalities();

  it('holds the 1,741 municipalities, each code once', () => {
    expect(list).toHaveLength(1_741);
    expect(new Set(list.map((m) => m.code)).size).toBe(1_741);
  });

  it('gives every code a valid check digit', () => {
    expect(list.filter((m) => !isValidMunicipalityCode(m.code))).toEqual([]);
  });

  it('covers the 47 prefectures, each code starting with its prefecture number', () => {
    const prefectures = [...new Set(list.map((m) => m.prefecture))];
    expect(prefectures).toHaveLength(47);
    expect(prefectures[0]).toBe('北海道');
    expect(prefectures[46]).toBe('沖縄県');
    const numberOf = new Map(prefectures.map((p, n) => [p, String(n + 1).padStart(2, '0')]));
    expect(list.filter((m) => m.code.slice(0, 2) !== numberOf.get(m.prefecture))).toEqual([]);
  });

  it('names known municipalities with their readings, and 23 special wards of Tokyo', () => {
    const byCode = new Map(list.map((m) => [m.code, m]));
    expect(byCode.get('202088')).toEqual({
      code: '202088',
      prefecture: '長野県',
      name: '小諸市',
      kana: 'こもろし',
    });
    expect(byCode.get('272108')?.name).toBe('枚方市');
    expect(list.filter((m) => m.prefecture === '東京都' && m.name.endsWith('区'))).toHaveLength(23);
    expect(list.filter((m) => m.kana === '')).toEqual([]);
  });
});
