/** Reads an XLSX into sheet grids, after the zip guard has vouched for it and within the row limit. */
import type { Workbook, Worksheet } from 'exceljs';
import type { TableLimits } from './limits.ts';
import type { GridRow, SheetGrid, TableCell } from './sheet-grid.ts';
import { xlsxCellValue } from './xlsx-cell.ts';
import { checkXlsxZip } from './zip-guard.ts';

export type XlsxReadResult =
  | { ok: true; sheets: SheetGrid[] }
  | { ok: false; sheet?: string; messageJa: string; messageEn: string };

/**
 * Every non-empty worksheet as a grid, its first non-empty row the header.
 * @example await readXlsx(bytes, defaultTableLimits) // { ok: true, sheets: [{ name: '実績値', header, rows }] }
 */
export async function readXlsx(bytes: Uint8Array, limits: TableLimits): Promise<XlsxReadResult> {
  const zip = checkXlsxZip(bytes, limits);
  if (!zip.ok) return zip;
  // Rows formatted but empty are <row> elements too, so only a count far over the limit is refused before
  // loading; the exact count is checked on the rows exceljs reads.
  if (zip.sheetRows > 2 * limits.maxRows) return tooManyRows(undefined, limits.maxRows);
  try {
    // Loaded for workbooks only: exceljs takes a quarter of a second to load, which a CSV import need not wait for.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
    return readSheets(workbook, limits);
  } catch (error) {
    // A zip that passed the guard may still hold broken XML or no workbook at all.
    return {
      ok: false,
      messageJa: `XLSX ファイルとして読めません: ${String(error)}`,
      messageEn: `cannot read this as an XLSX file: ${String(error)}`,
    };
  }
}

function readSheets(workbook: Workbook, limits: TableLimits): XlsxReadResult {
  const sheets: SheetGrid[] = [];
  let total = 0;
  for (const worksheet of workbook.worksheets) {
    const [header, ...data] = readRows(worksheet);
    if (!header) continue;
    total += data.length;
    if (total > limits.maxRows) return tooManyRows(worksheet.name, limits.maxRows);
    sheets.push({ name: worksheet.name, header, rows: data });
  }
  return { ok: true, sheets };
}

function readRows(worksheet: Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: TableCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = xlsxCellValue(cell.value, cell.numFmt);
    });
    for (let i = 0; i < cells.length; i += 1) cells[i] ??= '';
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

export const tooManyRows = (sheet: string | undefined, maxRows: number) => ({
  ok: false as const,
  ...(sheet === undefined ? {} : { sheet }),
  messageJa: `行数が上限 ${maxRows.toLocaleString('ja-JP')} 行を超えています。ファイルを分けてください`,
  messageEn: `more than ${maxRows.toLocaleString('en-US')} rows: please split the file`,
});
