import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTableFile } from './read-table.ts';
import { buildTemplateWorkbook, instructionsSheetName, type TemplateKind } from './template.ts';

const kinds: TemplateKind[] = ['nodes', 'indicators', 'indicatorValues', 'observationsWide'];

describe('buildTemplateWorkbook', () => {
  it.each(kinds)('writes a %s template that reads back with zero errors', async (kind) => {
    const result = await readTableFile(await buildTemplateWorkbook(kind), { file: `${kind}.xlsx` });
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result).toMatchObject({ ok: true, kind: kind === 'observationsWide' ? 'indicatorValues' : kind });
  });

  it('carries the ふるさと納税 example from seed 1, marked 例 so that it is never read as data', async () => {
    const bytes = await buildTemplateWorkbook('indicatorValues');
    const result = await readTableFile(bytes, { file: 'o.xlsx' });
    if (!result.ok || result.kind !== 'indicatorValues') throw new Error('expected indicator values');
    expect(result.rows).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const example = workbook.getWorksheet('indicator-values')!.getRow(2);
    expect(example.getCell(1).text).toBe('例');
    expect((example.values as unknown[]).join(' ')).toContain('3億4300万');
  });

  it('reads the example row once the 例 mark is cleared', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTemplateWorkbook('indicatorValues')) as never);
    workbook.getWorksheet('indicator-values')!.getRow(2).getCell(1).value = null;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readTableFile(bytes, { file: 'o.xlsx' });
    if (!result.ok || result.kind !== 'indicatorValues') throw new Error('expected indicator values');
    expect(result.rows[0]?.data).toMatchObject({ value: 343_000_000, text: '3億4300万', date: '2020-01' });
  });

  it('skips rows marked in a 例 column of a CSV too', async () => {
    const csv = [
      '例,indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote',
      '例,x.i.a,FY2019,1件,doc,1,1件',
      ',x.i.a,FY2020,2件,doc,1,2件',
    ].join('\n');
    const result = await readTableFile(new TextEncoder().encode(csv), { file: 'e.csv' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rows.map((r) => r.row)).toEqual([3]);
  });

  it('explains every column in Japanese and English on the instructions sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTemplateWorkbook('indicators')) as never);
    const headers = (workbook.getWorksheet('indicators')!.getRow(1).values as unknown[]).filter(Boolean);
    const instructions = workbook.getWorksheet(instructionsSheetName)!;
    const explained = instructions.getColumn(1).values.slice(2).filter(Boolean);
    expect(explained.slice(0, headers.length)).toEqual(headers);
    const direction = instructions.getRow(headers.indexOf('direction') + 2);
    expect(direction.getCell(4).text).toContain('増加');
    expect(direction.getCell(5).text).toContain('increase');
    expect(instructions.getColumn(4).values.join('\n')).toContain('令和元年度');
  });
});
