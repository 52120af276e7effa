import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStore, openDemoStore } from '../../../test/helpers/demo-store.ts';
import { planXlsx } from './plan-files.ts';
import { planTableNames, planTables } from './plan-tables.ts';

describe('planXlsx', () => {
  let demo: DemoStore;
  beforeAll(async () => {
    demo = await openDemoStore();
  });
  afterAll(() => demo.close());

  it('reads back with exceljs: a sheet per table, bold frozen header, the same cells', async () => {
    const plan = await demo.plan('mirai-2016');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await planXlsx(plan)).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...planTableNames]);
    const tables = planTables(plan);
    for (const name of planTableNames) {
      const sheet = workbook.getWorksheet(name);
      const table = tables[name];
      if (!sheet) throw new Error(`no sheet ${name}`);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(table.columns.map((c) => c.name));
      expect(sheet.rowCount).toBe(table.rows.length + 1);
      const cells = (r: number) => table.columns.map((_, c) => sheet.getCell(r + 2, c + 1).value ?? null);
      expect(table.rows.map((_, r) => cells(r))).toEqual(table.rows);
    }
  });

  it('writes formula-like text as a string cell, never a formula, so XLSX needs no apostrophe guard', async () => {
    const plan = structuredClone(await demo.plan('mirai-2016'));
    plan.nodes[0]!.title = '=HYPERLINK("http://evil.example","x")';
    const bytes = await planXlsx(plan);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('nodes')!;
    const title = (sheet.getRow(1).values as unknown[]).indexOf('title');
    const cell = sheet.getCell(2, title);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","x")');
  });
});
