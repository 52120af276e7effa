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

  it('carries the ふるさと納税 example from seed 1', async () => {
    const result = await readTableFile(await buildTemplateWorkbook('indicatorValues'), { file: 'o.xlsx' });
    if (!result.ok || result.kind !== 'indicatorValues') throw new Error('expected observations');
    expect(result.rows[0]?.data).toMatchObject({
      value: 343_000_000,
      text: '3億4300万',
      date: '2020-01',
      sourceLine: 89,
    });
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
