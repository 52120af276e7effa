/**
 * A header as the file wrote it. A wide 事務事業評価 table is read as if it were long, under code-name headers
 * (「令和4年度 決算額」 becomes `settlement` in the row of FY2022); its errors must still name the header staff typed.
 */
import type { ColumnSpec } from './column.ts';
import type { TableRowError } from './table-error.ts';

/** The written headers of a rewritten row: by the rewritten grid's cell index, and by code name. */
export interface WrittenHeaders {
  byIndex: readonly string[];
  byName: ReadonlyMap<string, string>;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The error with its column and its words naming the header as written instead of the column's label or code name.
 * @example asWritten({ column: 'settlement', messageJa: '「決算」が数値ではありません', messageEn: 'settlement is not a number', … }, settlementColumn, '令和4年度 決算額')
 * // { column: '令和4年度 決算額', messageJa: '「令和4年度 決算額」が数値ではありません', messageEn: '"令和4年度 決算額" is not a number', … }
 */
export function asWritten(
  error: TableRowError,
  spec: ColumnSpec | undefined,
  written: string,
): TableRowError {
  if (written === '') return error;
  const names = [...new Set([error.column, ...(spec ? [spec.labelJa, spec.name] : [])])]
    .filter((name) => name !== '' && name !== written)
    // Longest first, in one pass, so that 決算 is not found again inside 決算額 or inside what was put in.
    .sort((a, b) => b.length - a.length);
  const pattern = (list: string[]) => list.map(escaped).join('|');
  // Japanese words name a column in 「」; English ones by its code name, a word of ASCII letters.
  const codeNames = names.filter((name) => /^\w+$/.test(name));
  const messageJa =
    names.length === 0
      ? error.messageJa
      : error.messageJa.replace(new RegExp(`「(?:${pattern(names)})」`, 'g'), `「${written}」`);
  const messageEn =
    codeNames.length === 0
      ? error.messageEn
      : error.messageEn.replace(new RegExp(`\\b(?:${pattern(codeNames)})\\b`, 'g'), `"${written}"`);
  return { ...error, column: written, messageJa, messageEn };
}
