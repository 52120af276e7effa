import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readPublishedKpi } from './published-kpi.ts';
import { classifyPublishedHeader } from './published-kpi-columns.ts';
import { readTableFile } from './read-table.ts';
import type { SheetGrid } from './sheet-grid.ts';

const samples = new URL('../../../test/fixtures/published-kpi', import.meta.url).pathname;
const grid = (header: string[], ...rows: string[][]): SheetGrid => ({
  name: undefined,
  header: { row: 1, cells: header },
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('classifyPublishedHeader', () => {
  it.each([
    ['成果指標', 'name'],
    ['数値目標項目', 'name'],
    ['指標名', 'name'],
    ['主要施策コード', 'nodeCode'],
    ['施策コード', 'nodeCode'],
    ['区分', 'category'],
    ['単位', 'unit'],
    ['基準年', 'baselineYear'],
    ['基準年度', 'baselineYear'],
    ['目標年', 'targetYear'],
    ['目標年度', 'targetYear'],
    ['進捗状況', 'progress'],
  ])('reads %s as the field %s', (header, field) => {
    expect(classifyPublishedHeader(header, 0)).toMatchObject({ kind: 'field', field });
  });

  it.each([
    ['基準値', 'baseline'],
    ['現状値', 'baseline'],
    ['目標値', 'target'],
    ['KPI', 'target'],
    ['実績値', 'actual'],
    ['5ヵ年目標', 'target'],
    ['平成15年末見込', 'forecast'],
    ['平成13年実績', 'actual'],
  ])('reads %s as a %s column', (header, role) => {
    expect(classifyPublishedHeader(header, 0)).toMatchObject({ kind: 'value', role });
  });

  it('keeps an unknown header unknown', () => {
    expect(classifyPublishedHeader('担当課', 3)).toEqual({ index: 3, header: '担当課', kind: 'unknown' });
  });
});

describe('readPublishedKpi', () => {
  it('dates baseline and target from the row’s 基準年 and 目標年, and lets a 単位 column win', () => {
    const sheet = readPublishedKpi(
      grid(
        ['指標名', '単位', '基準年', '基準値', '目標年', '目標値', '平成28年', 'H29年度'],
        ['合計特殊出生率', '', 'H25年', '1.36', '令和2年度', '1.5', '1.40', 'なし'],
        ['観光客数', '人', '平成25年度', '102,521', 'R2年度', '110,000人', '105,000人', '－'],
      ),
    );
    const [birth, tourists] = sheet?.rows ?? [];
    expect(birth).toMatchObject({ unit: null, empty: ['H29年度'], problems: [] });
    expect(birth?.values.map((v) => [v.role, v.date, v.dateKind, v.figure.value])).toEqual([
      ['baseline', '2013', 'calendar', 1.36],
      ['target', 'FY2020', 'fiscal', 1.5],
      ['actual', '2016', 'calendar', 1.4],
    ]);
    expect(tourists?.values.map((v) => v.unit)).toEqual(['人', '人', '人']);
    expect(tourists?.problems).toEqual([]);
  });

  it('refuses a cell unit that differs from the 単位 column, naming the column', () => {
    const sheet = readPublishedKpi(grid(['指標名', '単位', '平成28年'], ['観光客数', '人', '12件']));
    expect(sheet?.rows[0]?.problems).toEqual([
      expect.objectContaining({
        column: '平成28年',
        value: '12件',
        messageEn: expect.stringContaining('unit column 人'),
      }),
    ]);
    expect(sheet?.rows[0]?.values).toEqual([]);
  });

  it('leaves an ambiguous H25 column undated rather than guessing', () => {
    const sheet = readPublishedKpi(grid(['指標名', 'H25', 'H26年度'], ['a', '1件', '2件']));
    expect(sheet?.rows[0]?.values.map((v) => [v.date, v.dateKind])).toEqual([
      [null, 'ambiguous'],
      ['FY2014', 'fiscal'],
    ]);
  });

  it('does not take a table without an indicator name column', () => {
    expect(readPublishedKpi(grid(['指標ID', '平成28年'], ['i.a', '1']))).toBeNull();
  });
});

describe('readTableFile with a published KPI table', () => {
  const read = async (name: string) =>
    readTableFile(new Uint8Array(await readFile(`${samples}/${name}`)), { file: name });

  it.each(['oyabe-kpi.csv', 'oyabe-kpi.sjis.csv'])('describes every row of %s in one pass', async (name) => {
    const result = await read(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const summaries = result.errors.filter((e) => e.messageJa.startsWith('指標「'));
    expect(summaries.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const it5 = summaries.find((e) => e.row === 5);
    expect(it5?.messageEn).toContain('2001 (calendar year) actual 1007人');
    expect(it5?.messageEn).toContain('30 September 2003 actual 196人');
    expect(it5?.messageEn).toContain('2003 (calendar year) forecast (not an actual) 279人');
    expect(it5?.messageEn).toContain('year unknown target 1400人');
    const words = result.errors.filter((e) => e.messageEn.includes('is not a number and cannot be stored'));
    expect(words.map((e) => `${e.row}:${e.column}=${e.value}`)).toEqual([
      '2:5ヵ年目標=設置',
      '3:5ヵ年目標=設置',
      '11:平成13年実績=策定',
      '11:5ヵ年目標=策定',
    ]);
    expect(result.errors.at(-1)?.messageEn).toMatch(
      /^read as a published KPI table: 14 indicators, 56 values/,
    );
  });

  it.each(['mori-kpi.csv', 'mori-kpi.sjis.csv'])(
    'reads the labelled baselines and KPI targets of %s',
    async (name) => {
      const result = await read(name);
      if (result.ok) throw new Error('a published KPI table cannot be imported yet');
      const row2 = result.errors.find((e) => e.row === 2);
      expect(row2?.messageEn).toContain('FY2015 baseline 127件');
      expect(row2?.messageEn).toContain('FY2019 forecast (not an actual) 144件');
      expect(row2?.messageEn).toContain('year unknown target 139件');
      expect(result.errors.filter((e) => e.messageEn.startsWith('unknown column'))).toEqual([]);
      expect(result.errors.at(-1)?.messageEn).toMatch(
        /^read as a published KPI table: 6 indicators, 17 values/,
      );
    },
  );

  it('says in both languages that a bare H25 header is ambiguous, and names unknown columns', async () => {
    const csv = '指標名,H25,担当課\n観光客数,1件,観光課\n';
    const result = await readTableFile(new TextEncoder().encode(csv), { file: 'h.csv' });
    if (result.ok) throw new Error('expected a description');
    expect(result.errors.find((e) => e.column === 'H25')).toMatchObject({
      row: 1,
      messageJa: expect.stringContaining('年 (2013年) か年度 (2013年度) か分かりません'),
      messageEn: expect.stringContaining('calendar year 2013 or the fiscal year FY2013'),
    });
    expect(result.errors.find((e) => e.column === '担当課')?.messageEn).toBe('unknown column 担当課');
  });
});

describe('a published KPI table mixing 年 and 年度', () => {
  it('warns once on the header row and reads each column as its header says', async () => {
    const csv = '指標名,平成28年,平成29年度\n観光客数,1件,2件\n';
    const result = await readTableFile(new TextEncoder().encode(csv), { file: 'm.csv' });
    if (result.ok) throw new Error('expected a description');
    const mixed = result.errors.filter((e) => e.messageEn.startsWith('calendar-year (年) and fiscal-year'));
    expect(mixed.map((e) => e.row)).toEqual([1]);
    expect(result.errors.find((e) => e.row === 2)?.messageEn).toContain(
      '2016 (calendar year) actual 1件; FY2017 actual 2件',
    );
  });

  it('says nothing of a mix when every column is 年', async () => {
    const csv = '指標名,平成28年,平成29年\n観光客数,1件,2件\n';
    const result = await readTableFile(new TextEncoder().encode(csv), { file: 'm.csv' });
    if (result.ok) throw new Error('expected a description');
    expect(result.errors.some((e) => e.messageEn.includes('fiscal-year (年度) columns are mixed'))).toBe(
      false,
    );
  });
});

describe('the wide layout with published headers', () => {
  it('refuses a forecast column by name instead of storing its values as actuals', async () => {
    const csv =
      '指標ID,指標名,出典,平成28年,平成29年末見込\nmirai-2016.i.x,観光客数,komoro-pride-vol5,1件,2件\n';
    const result = await readTableFile(new TextEncoder().encode(csv), { file: 'w.csv' });
    if (result.ok) throw new Error('a forecast column must not pass silently');
    expect(result.errors).toEqual([
      expect.objectContaining({
        column: '平成29年末見込',
        messageJa: '列「平成29年末見込」は見込値または目標値の列です。実績値としては取り込みません',
      }),
    ]);
  });

  it('reads the indicator name column and a 年 header as a calendar-year date', async () => {
    const csv = '指標ID,指標名,出典,平成28年\nmirai-2016.i.x,観光客数,komoro-pride-vol5,1件\n';
    const result = await readTableFile(new TextEncoder().encode(csv), { file: 'w.csv' });
    expect(result).toMatchObject({ ok: true, layout: 'wide', kind: 'indicatorValues' });
    if (result.ok) expect(result.rows.map((r) => (r.data as { date: string }).date)).toEqual(['2016']);
  });
});
