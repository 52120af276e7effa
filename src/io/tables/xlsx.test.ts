import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTableFile } from './read-table.ts';

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// 行政評価-style sheet: one column per 年度. Values of seed 1 line 99 (H28:102件3,536千円→H30:140件5,533千円).
const wideSheet = (workbook: ExcelJS.Workbook) => {
  const sheet = workbook.addWorksheet('実績値');
  sheet.addRow(['指標ID', '単位', '出典', '出典の行', 'H28', '平成29年度', 'H30']);
  sheet.addRow(['mirai-2016.i.seizure-count', '件', 'komoro-pride-vol5', 99, 102, null, '140件']);
  sheet.addRow([
    'mirai-2016.i.seizure-proceeds',
    '円',
    'komoro-pride-vol5',
    99,
    { richText: [{ text: '3,536' }, { font: { bold: true }, text: '千円' }] },
    '',
    { formula: '5533*1000', result: 5_533_000 },
  ]);
};

describe('readTableFile with a wide XLSX', () => {
  it('turns each filled period cell into a long observation row', async () => {
    const result = await readTableFile(await workbookBytes(wideSheet), { file: 'hyouka.xlsx' });
    expect(result).toMatchObject({ ok: true, kind: 'indicatorValues', layout: 'wide', encoding: 'xlsx' });
    if (!result.ok || result.kind !== 'indicatorValues') throw new Error('expected observations');
    expect(
      result.rows.map((r) => [r.sheet, r.row, r.data.indicatorId, r.data.date, r.data.value, r.data.unit]),
    ).toEqual([
      ['実績値', 2, 'mirai-2016.i.seizure-count', 'FY2016', 102, '件'],
      ['実績値', 2, 'mirai-2016.i.seizure-count', 'FY2018', 140, '件'],
      ['実績値', 3, 'mirai-2016.i.seizure-proceeds', 'FY2016', 3_536_000, '円'],
      ['実績値', 3, 'mirai-2016.i.seizure-proceeds', 'FY2018', 5_533_000, '円'],
    ]);
  });

  it('reports a bad period cell under its period header', async () => {
    const bytes = await workbookBytes((workbook) => {
      wideSheet(workbook);
      workbook.getWorksheet('実績値')!.getCell('F2').value = '不明';
    });
    const result = await readTableFile(bytes, { file: 'hyouka.xlsx' });
    expect(result.ok === false && result.errors).toEqual([
      {
        file: 'hyouka.xlsx',
        sheet: '実績値',
        row: 2,
        column: '平成29年度',
        value: '不明',
        messageJa: '「値」が数値ではありません',
        messageEn: 'value is not a number',
      },
    ]);
  });

  it('refuses two columns for the same 年度', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('observations');
      sheet.addRow(['indicatorId', 'sourceDocumentId', 'H31', '令和元年度']);
      sheet.addRow(['mirai-2016.i.x', 'komoro-pride-vol5', 1, 2]);
    });
    const result = await readTableFile(bytes, { file: 'dup.xlsx' });
    expect(result.ok === false && result.errors.map((e) => [e.row, e.column])).toEqual([[1, '令和元年度']]);
  });
});

describe('readTableFile with a long XLSX', () => {
  it('reads date cells as days, or as months where the format shows no day', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('observations');
      sheet.addRow(['indicatorId', 'date', 'value', 'sourceDocumentId']);
      sheet.addRow([
        'mirai-2016.i.furusato-shimin',
        new Date(Date.UTC(2020, 0, 15)),
        3682,
        'komoro-pride-vol5',
      ]);
      sheet.addRow([
        'mirai-2016.i.women-in-councils',
        new Date(Date.UTC(2019, 3, 1)),
        '40.4%',
        'komoro-pride-vol5',
      ]);
      sheet.getCell('B3').numFmt = 'yyyy/m';
    });
    const result = await readTableFile(bytes, { file: 'long.xlsx' });
    if (!result.ok || result.kind !== 'indicatorValues') throw new Error(JSON.stringify(result));
    expect(result.rows.map((r) => [r.data.date, r.data.value, r.data.unit])).toEqual([
      ['2020-01-15', 3682, null],
      ['2019-04', 40.4, '%'],
    ]);
  });

  it('refuses a workbook that mixes tables unless a sheet is chosen', async () => {
    const bytes = await workbookBytes((workbook) => {
      wideSheet(workbook);
      workbook.addWorksheet('nodes').addRow(['planId', 'id', 'kind', 'title']);
    });
    const mixed = await readTableFile(bytes, { file: 'mixed.xlsx' });
    expect(mixed.ok === false && mixed.errors.at(-1)?.messageEn).toContain('more than one kind of table');
    const chosen = await readTableFile(bytes, { file: 'mixed.xlsx', sheet: '実績値' });
    expect(chosen.ok && chosen.rows.length).toBe(4);
  });

  it('refuses more data rows than the limit, naming the sheet', async () => {
    const bytes = await workbookBytes((workbook) => {
      wideSheet(workbook);
      workbook.getWorksheet('実績値')!.addRow(['mirai-2016.i.x', '件', 'komoro-pride-vol5', 99, 1]);
    });
    const result = await readTableFile(bytes, { file: 'w.xlsx', limits: { maxRows: 2 } });
    expect(result.ok === false && result.errors[0]).toMatchObject({ sheet: '実績値', row: 0 });
    expect(result.ok === false && result.errors[0]?.messageEn).toBe(
      'more than 2 rows: please split the file',
    );
  });

  it('refuses a sheet far over the row limit before exceljs loads it', async () => {
    const result = await readTableFile(await workbookBytes(wideSheet), {
      file: 'w.xlsx',
      limits: { maxRows: 1 },
    });
    expect(result.ok === false && result.errors).toEqual([
      expect.objectContaining({ row: 0, messageEn: 'more than 1 rows: please split the file' }),
    ]);
    expect(result.ok === false && result.errors[0]).not.toHaveProperty('sheet');
  });
});
