/** An XLSX workbook of export tables: one sheet per table, the header row bold and frozen, numbers as numbers. */
import ExcelJS from 'exceljs';
import type { ExportTable } from './export-table.ts';

// Sheets this wide are hard to read; wider text wraps inside the cell.
const maxColumnWidth = 60;

function addSheet(workbook: ExcelJS.Workbook, table: ExportTable): void {
  // Excel limits sheet names to 31 characters.
  const sheet = workbook.addWorksheet(table.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(table.columns.map((c) => c.name));
  sheet.getRow(1).font = { bold: true };
  table.columns.forEach((c, i) => {
    sheet.getCell(1, i + 1).note = `${c.title}: ${c.description}`;
  });
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(
      table.columns[i]?.name.length ?? 0,
      ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
    );
    column.width = Math.min(maxColumnWidth, Math.max(8, longest + 2));
  });
}

/**
 * The tables as one .xlsx file.
 * @example await writeXlsx(Object.values(planTables(plan))) // Buffer starting with "PK"
 */
export async function writeXlsx(tables: readonly ExportTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mieruka';
  for (const table of tables) addSheet(workbook, table);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
