import { describe, expect, it } from 'vitest';
import { formatAmount, formatExact } from './japanese-number.ts';

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
