import { describe, expect, it } from 'vitest';
import { longProgramSheetGrid, readHeader } from './program-sheet-grid.ts';
import type { SheetGrid } from './sheet-grid.ts';

const grid = (header: string[], ...rows: (string | number)[][]): SheetGrid => ({
  name: undefined,
  header: { row: 1, cells: header },
  rows: rows.map((cells, n) => ({ row: n + 2, cells })),
});

describe('readHeader', () => {
  it.each([
    ['決算(R4)', 'settlement', null, 2022],
    ['決算（令和4年度）', 'settlement', null, 2022],
    ['令和4年度決算', 'settlement', null, 2022],
    ['当初予算_2023年度', 'budgetInitial', null, 2023],
    ['決算額（千円）（H30）', 'settlement', '千円', 2018],
    ['最終予算（千円）', 'budgetFinal', '千円', null],
    ['一次評価', 'firstGrade', null, null],
  ])('%s → %s, unit %s, year %s', (header, column, unit, year) => {
    expect(readHeader(header)).toMatchObject({ column: { name: column }, unit, year });
  });

  it('names nothing for a header of no column: 令和4年度目標, 実績値(千円)', () => {
    expect(readHeader('令和4年度目標')).toBeNull();
    expect(readHeader('実績値(千円)')).toBeNull();
  });
});

describe('longProgramSheetGrid', () => {
  it('makes one row per year from year-tagged columns, scaling 千円 cells that carry no unit', () => {
    const long = longProgramSheetGrid(
      grid(['事業ID', '決算(千円)(R4)', '決算(千円)(R5)', '出典'], ['p1', '1,200', 4000.5, 'doc']),
    );
    expect(long.header.cells).toEqual(['nodeId', '', '', 'sourceDocumentId', 'fiscalYear', 'settlement']);
    const rows = [...long.rows];
    expect(rows.map(({ row, cells }) => ({ row, cells }))).toEqual([
      { row: 2, cells: ['p1', '', '', 'doc', '2022', '1,200千円'] },
      { row: 2, cells: ['p1', '', '', 'doc', '2023', '4000.5千円'] },
    ]);
    // What errors name: each year's cells by the header the file wrote for that year.
    expect(rows.map((r) => r.written?.byIndex.slice(-2))).toEqual([
      ['決算(千円)(R4)', '決算(千円)(R4)'],
      ['決算(千円)(R5)', '決算(千円)(R5)'],
    ]);
    expect(Object.fromEntries(rows[1]?.written?.byName ?? [])).toEqual({
      nodeId: '事業ID',
      sourceDocumentId: '出典',
      settlement: '決算(千円)(R5)',
      fiscalYear: '決算(千円)(R5)',
    });
  });

  it('leaves a cell that says its own amount alone, and skips a year with no cell filled', () => {
    const long = longProgramSheetGrid(
      grid(['事業ID', '決算(千円)(R4)', '決算(千円)(R5)'], ['p1', '4億円', '']),
    );
    expect([...long.rows].map((r) => r.cells.slice(-2))).toEqual([['2022', '4億円']]);
  });

  it('leaves a table with no 年度 column and no year tag as it is (a KPI table’s その他（千円）)', () => {
    const kpi = grid(['成果指標', 'その他（千円）'], ['x', '1']);
    expect(longProgramSheetGrid(kpi)).toBe(kpi);
  });
});
