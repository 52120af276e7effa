import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatExact,
  parseCountOfTotal,
  parseJapaneseNumber,
  parseRank,
} from './japanese-number.ts';

describe('formatAmount in prose', () => {
  it('groups by 億 and 万 with commas inside a group', () => {
    expect(formatAmount(343000000, '円')).toBe('3億4,300万円');
    expect(formatAmount(6790000, '円')).toBe('679万円');
    expect(formatAmount(10_000_000_000_005, '円')).toBe('10兆5円');
    expect(formatAmount(0, '円')).toBe('0円');
  });
  it('writes small numbers and decimals plainly', () => {
    expect(formatAmount(3682, '人')).toBe('3,682人');
    expect(formatAmount(12.8, '%')).toBe('12.8%');
    expect(formatAmount(12345.678, '円', { decimals: 1 })).toBe('1万2,345.7円');
  });
  it('puts 約 before the number and the other qualifiers after the unit', () => {
    expect(formatAmount(3200, '時間', { qualifier: 'about' })).toBe('約3,200時間');
    expect(formatAmount(2321070000, '円', { qualifier: 'over' })).toBe('23億2,107万円余');
    expect(formatAmount(30, '店舗', { qualifier: 'at_least' })).toBe('30店舗以上');
    expect(formatAmount(5, '人', { qualifier: 'under' })).toBe('5人未満');
    expect(formatAmount(5, '人', { qualifier: 'more_than' })).toBe('5人超');
  });
  it('writes negatives with a minus sign, never ▲', () => {
    expect(formatAmount(-12.81, '%')).toBe('−12.81%');
  });
  it('shows a dash instead of NaN', () => {
    expect(formatAmount(Number.NaN, '円')).toBe('—');
  });
});

describe('formatAmount in a table', () => {
  it('counts yen in thousands and marks negatives with ▲', () => {
    expect(formatAmount(3536000, '円', { style: 'table' })).toBe('3,536千円');
    expect(formatAmount(-1200, '', { style: 'table' })).toBe('▲1,200');
    expect(formatAmount(-1_200_000, '円', { style: 'table' })).toBe('▲1,200千円');
  });
});

describe('formatExact', () => {
  it('writes every digit', () => {
    expect(formatExact(343000000, '円')).toBe('343,000,000円');
  });
});

describe('parseJapaneseNumber', () => {
  it.each([
    ['3億4300万', 343000000, null, null],
    ['23億2107万円余', 2321070000, '円', 'over'],
    ['23.21億円余', 2321000000, '円', 'over'],
    ['3,536千円', 3536000, '円', null],
    ['約3200時間', 3200, '時間', 'about'],
    ['▲1,200', -1200, null, null],
    ['-12.81%', -12.81, '%', null],
    ['１２．８％', 12.8, '%', null],
    ['二千三百', 2300, null, null],
    ['三億四千三百万', 343000000, null, null],
    ['百二十三', 123, null, null],
    ['679万', 6790000, null, null],
    ['10万人', 100000, '人', null],
    ['30店舗以上', 30, '店舗', 'at_least'],
    ['5人未満', 5, '人', 'under'],
    ['100人超', 100, '人', 'more_than'],
    ['300余人', 300, '人', 'over'],
    ['1兆2,345億6,789万1,234円', 1234567891234, '円', null],
  ] as const)('reads %s', (text, value, unit, qualifier) => {
    expect(parseJapaneseNumber(text)).toEqual({ value, unit, qualifier, text });
  });
  it('keeps the direction of a change apart from the value', () => {
    expect(parseJapaneseNumber('約3200時間減')).toMatchObject({
      value: 3200,
      qualifier: 'about',
      change: 'decrease',
    });
    expect(parseJapaneseNumber('9.4ポイント増加')).toMatchObject({
      value: 9.4,
      unit: 'ポイント',
      change: 'increase',
    });
  });
  it.each([
    '',
    '元',
    '万',
    'H27',
    'abc',
    '1,2',
    '1e5',
    'NaN',
    'Infinity',
    '5人以下',
    '十千',
    '約3億円余',
    '1/2',
  ])('refuses %j', (text) => {
    expect(parseJapaneseNumber(text)).toBeNull();
  });
  it('refuses a numeral too large for a number instead of giving Infinity', () => {
    expect(parseJapaneseNumber('9'.repeat(400))).toBeNull();
  });
});

describe('parseCountOfTotal and parseRank', () => {
  it('reads a part of a whole either way round', () => {
    expect(parseCountOfTotal('61/68区')).toEqual({ value: 61, outOf: 68, unit: '区' });
    expect(parseCountOfTotal('68区中61区')).toEqual({ value: 61, outOf: 68, unit: '区' });
  });
  it('refuses a part larger than its whole, and ranks', () => {
    expect(parseCountOfTotal('69/68区')).toBeNull();
    expect(parseCountOfTotal('25位/812')).toBeNull();
  });
  it('reads a rank with its field before or after', () => {
    expect(parseRank('25位 812 市区中')).toEqual({ value: 25, rankOf: 812, unit: '位' });
    expect(parseRank('77市町村中5位')).toEqual({ value: 5, rankOf: 77, unit: '位' });
  });
  it('does not take a rank followed by another figure for a rank in a field', () => {
    expect(parseRank('5位 289 人')).toBeNull();
    expect(parseRank('25位')).toBeNull();
    expect(parseRank('813位 812 市区中')).toBeNull();
  });
});

describe('format and parse together', () => {
  const units = fc.constantFrom('円', '人', '件', '%', '時間', '店舗', '');
  it('reads back every prose integer up to 10^13, negatives included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), units, (value, unit) => {
        const parsed = parseJapaneseNumber(formatAmount(value, unit));
        expect(parsed?.value).toBe(value);
        expect(parsed?.unit).toBe(unit === '' ? null : unit);
      }),
    );
  });
  it('reads back prose decimals exactly, 万 and 億 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (hundredths) => {
        const value = hundredths / 100;
        expect(parseJapaneseNumber(formatAmount(value, '%'))?.value).toBe(value);
      }),
    );
  });
  it('reads back the qualifier it wrote', () => {
    const qualifiers = fc.constantFrom('about', 'over', 'at_least', 'under', 'more_than') as fc.Arbitrary<
      'about' | 'over' | 'at_least' | 'under' | 'more_than'
    >;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 13 }), qualifiers, (value, qualifier) => {
        expect(parseJapaneseNumber(formatAmount(value, '円', { qualifier }))).toMatchObject({
          value,
          qualifier,
        });
      }),
    );
  });
  it('reads back table yen as thousands', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), (thousands) => {
        expect(parseJapaneseNumber(formatAmount(thousands * 1000, '円', { style: 'table' }))?.value).toBe(
          thousands * 1000,
        );
      }),
    );
  });
  it('never throws and never gives NaN or Infinity, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        (text) => {
          const parsed = parseJapaneseNumber(text);
          if (parsed) expect(Number.isFinite(parsed.value)).toBe(true);
          parseCountOfTotal(text);
          parseRank(text);
        },
      ),
    );
  });
  it('never writes NaN or Infinity, whatever the number', () => {
    fc.assert(
      fc.property(fc.double(), fc.boolean(), (value, table) => {
        const text = formatAmount(value, '円', { style: table ? 'table' : 'prose' });
        expect(text).not.toMatch(/NaN|Infinity/);
        expect(formatExact(value, '円')).not.toMatch(/NaN|Infinity/);
      }),
    );
  });
});
