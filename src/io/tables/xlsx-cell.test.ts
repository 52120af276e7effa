import { describe, expect, it } from 'vitest';
import { xlsxCellValue } from './xlsx-cell.ts';

describe('xlsxCellValue', () => {
  it('keeps strings and numbers', () => {
    expect([xlsxCellValue('3億4300万'), xlsxCellValue(89.7), xlsxCellValue(null)]).toEqual([
      '3億4300万',
      89.7,
      '',
    ]);
  });

  it('joins rich text runs', () => {
    expect(xlsxCellValue({ richText: [{ text: '23億' }, { text: '2107万円余' }] })).toBe('23億2107万円余');
  });

  it('takes the cached result of a formula, and nothing from an error result', () => {
    expect(xlsxCellValue({ formula: 'A1*1000', result: 3_536_000 })).toBe(3_536_000);
    expect(xlsxCellValue({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('');
  });

  it('writes dates as days, or months when the number format shows no day', () => {
    const date = new Date(Date.UTC(2019, 3, 1));
    expect([
      xlsxCellValue(date),
      xlsxCellValue(date, 'yyyy/m'),
      xlsxCellValue(date, 'yyyy"年"m"月"d"日"'),
    ]).toEqual(['2019-04-01', '2019-04', '2019-04-01']);
  });

  it('reads a hyperlink by its text and an error cell as empty', () => {
    expect(xlsxCellValue({ text: 'komoro-pride-vol5', hyperlink: 'https://example.org' })).toBe(
      'komoro-pride-vol5',
    );
    expect(xlsxCellValue({ error: '#N/A' })).toBe('');
  });
});
