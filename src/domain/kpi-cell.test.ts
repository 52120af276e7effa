import { describe, expect, it } from 'vitest';
import { chooseUnit, readKpiCell } from './kpi-cell.ts';

describe('readKpiCell', () => {
  it.each([
    ['1,007人', 1007, '人'],
    ['102,521人', 102521, '人'],
    ['2.77点', 2.77, '点'],
    ['45%', 45, '%'],
    ['109台', 109, '台'],
    ['1.36', 1.36, null],
    ['4億1,200万円', 412000000, '円'],
  ])('splits %s into value and unit', (text, value, unit) => {
    expect(readKpiCell(text)).toMatchObject({ kind: 'figure', figure: { value, unit } });
  });

  it('takes a spreadsheet number as a figure without unit', () => {
    expect(readKpiCell(0)).toEqual({
      kind: 'figure',
      figure: { value: 0, unit: null, qualifier: null, text: '0' },
    });
  });

  it.each(['', '  ', 'なし', '-', '－', '―', '該当なし'])('reads %j as no value, not zero', (text) => {
    expect(readKpiCell(text).kind).toBe('none');
  });

  it.each(['設置', '策定', 'その他'])('keeps the word %s as text', (text) => {
    expect(readKpiCell(text)).toEqual({ kind: 'word', text });
  });

  it('reads labelled figures with the year each label names', () => {
    const cell = readKpiCell('H27年度現在 127件 H31年度予測 144件');
    expect(cell).toMatchObject({
      kind: 'labelled',
      parts: [
        {
          label: 'H27年度現在',
          year: { kind: 'fiscal', date: 'FY2015', role: 'actual' },
          figure: { value: 127 },
        },
        {
          label: 'H31年度予測',
          year: { kind: 'fiscal', date: 'FY2019', role: 'forecast' },
          figure: { value: 144 },
        },
      ],
    });
    expect(readKpiCell('過去5年間実績 6件')).toMatchObject({
      kind: 'labelled',
      parts: [{ label: '過去5年間実績', year: null, figure: { value: 6, unit: '件' } }],
    });
  });

  it('calls text with digits it cannot read unreadable rather than a word', () => {
    expect(readKpiCell('3人か4人')).toEqual({ kind: 'unreadable', text: '3人か4人' });
  });
});

describe('chooseUnit', () => {
  it('lets a 単位 column win over a blank cell unit and a cell unit fill a blank column', () => {
    expect(chooseUnit(null, '人')).toEqual({ ok: true, unit: '人' });
    expect(chooseUnit('人', null)).toEqual({ ok: true, unit: '人' });
    expect(chooseUnit('人', ' ')).toEqual({ ok: true, unit: '人' });
    expect(chooseUnit('人', '人')).toEqual({ ok: true, unit: '人' });
  });

  it('allows no unit at all for a dimensionless number', () => {
    expect(chooseUnit(null, null)).toEqual({ ok: true, unit: null });
  });

  it('refuses a cell unit that differs from the column', () => {
    expect(chooseUnit('件', '人')).toEqual({ ok: false, cellUnit: '件', columnUnit: '人' });
  });
});
