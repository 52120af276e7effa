/** Turns exceljs's many cell value shapes into the TableCell the row schemas read. */
import type { CellValue } from 'exceljs';
import type { TableCell } from './sheet-grid.ts';

const pad = (n: number) => String(n).padStart(2, '0');

// exceljs gives dates as UTC midnights; a format without a day (yyyy/m) means the sheet meant a month.
function dateText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const month = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
  const showsDay = numFmt === undefined || numFmt === '' || /d/i.test(numFmt.replace(/"[^"]*"/g, ''));
  return showsDay ? `${month}-${pad(date.getUTCDate())}` : month;
}

/**
 * One cell's value: strings, numbers, dates, formulas' cached results, rich text, hyperlinks.
 * @example xlsxCellValue({ richText: [{ text: '3億' }, { text: '4300万' }] }) // '3億4300万'
 */
export function xlsxCellValue(value: CellValue, numFmt?: string): TableCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value, numFmt);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || (typeof result === 'object' && result !== null && 'error' in result))
      return '';
    return xlsxCellValue(result as CellValue, numFmt);
  }
  if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? value.hyperlink);
  if ('error' in value) return '';
  return '';
}
