/** RFC 4180 CSV text: CRLF line ends, fields quoted when they hold a comma, quote, or line break. */
import { guardFormula } from '../tables/formula-guard.ts';
import type { ExportCell, ExportTable } from './export-table.ts';

const needsQuotes = /[",\r\n]/;

/**
 * One field as CSV text: blank for null, true/false for booleans, quotes doubled inside quotes, and a text
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) behind an apostrophe. Numbers are
 * numbers, so -5 stays -5.
 * @example csvField('say "hi", twice') // '"say ""hi"", twice"'
 * @example csvField('=1+1') // "'=1+1"
 */
export function csvField(cell: ExportCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? guardFormula(cell) : String(cell);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The table as CSV text, header row of code names first, each record ending in CRLF.
 * @example formatCsv(planTables(plan).nodes).split('\r\n')[0] // 'planId,id,parentId,…'
 */
export function formatCsv(table: Pick<ExportTable, 'columns' | 'rows'>): string {
  const lines = [table.columns.map((c) => csvField(c.name)), ...table.rows.map((row) => row.map(csvField))];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}
