import { describe, expect, it } from 'vitest';
import { programSheetColumns } from './program-sheets-table.ts';
import type { TableRowError } from './table-error.ts';
import { asWritten } from './written-header.ts';

const error = (column: string, messageJa: string, messageEn: string): TableRowError => ({
  file: 'wide.csv',
  row: 2,
  column,
  value: 'x',
  messageJa,
  messageEn,
});

describe('asWritten', () => {
  it('puts the header as written for the label and the code name, once, even where the label is part of it', () => {
    const named = asWritten(
      error('settlement', '「決算」が数値ではありません', 'settlement is not a number'),
      programSheetColumns.settlement,
      '令和4年度 決算額',
    );
    expect(named).toMatchObject({
      column: '令和4年度 決算額',
      messageJa: '「令和4年度 決算額」が数値ではありません',
      messageEn: '"令和4年度 決算額" is not a number',
    });
  });

  it('leaves the words a message says of the value alone (決算書 is not the column 決算)', () => {
    const named = asWritten(
      error('settlement', '「決算書」は読めません', 'cannot read 決算書 or settlements'),
      programSheetColumns.settlement,
      '決算(R4)',
    );
    expect(named).toMatchObject({
      column: '決算(R4)',
      messageJa: '「決算書」は読めません',
      messageEn: 'cannot read 決算書 or settlements',
    });
  });

  it('keeps the error when nothing was written', () => {
    const kept = error('nodeId', 'x', 'y');
    expect(asWritten(kept, programSheetColumns.nodeId, '')).toBe(kept);
  });
});
