/**
 * CSV bytes for Excel users: UTF-8 with a BOM (so Excel does not guess Shift_JIS), or Shift_JIS as CP932 for
 * older tools. A character CP932 cannot hold is an error naming its row and column, never a silent '?'.
 */
import iconv from 'iconv-lite';
import { csvField, formatCsv } from './csv-writer.ts';
import type { ExportTable } from './export-table.ts';

export const csvEncodings = ['utf-8', 'shift_jis'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export interface UnencodableCell {
  /** 1-based record number in the file; the header is row 1. */
  row: number;
  column: string;
  character: string;
  message: string;
}

export type EncodeCsvResult = { ok: true; bytes: Uint8Array } | { ok: false; error: UnencodableCell };

const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
// CP932 rather than strict Shift_JIS: ① and the NEC/IBM kanji are in every Japanese Windows font.
const cp932 = 'cp932';

const encodable = (text: string): boolean => iconv.decode(iconv.encode(text, cp932), cp932) === text;

function firstUnencodable(table: ExportTable): UnencodableCell {
  const header = table.columns.map((c) => c.name);
  const grid = [header, ...table.rows.map((r) => r.map(csvField))];
  for (const [r, fields] of grid.entries()) {
    for (const [c, field] of fields.entries()) {
      const character = [...String(field)].find((ch) => !encodable(ch));
      if (character === undefined) continue;
      const column = header[c] ?? '';
      const code = `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
      return {
        row: r + 1,
        column,
        character,
        message: `${r + 1}行目「${column}」の文字「${character}」(${code}) は Shift_JIS で表せません。UTF-8 を選んでください (row ${r + 1}, column ${column}: ${code} cannot be encoded in Shift_JIS; use UTF-8)`,
      };
    }
  }
  throw new Error('CP932 の変換が一致しません (CP932 round trip failed with no single bad character)');
}

/**
 * The table's CSV in the chosen encoding.
 * @example encodeCsv(table, 'utf-8') // { ok: true, bytes: Uint8Array [0xef, 0xbb, 0xbf, …] }
 */
export function encodeCsv(table: ExportTable, encoding: CsvEncoding): EncodeCsvResult {
  const text = formatCsv(table);
  if (encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    const bytes = new Uint8Array(bom.length + body.length);
    bytes.set(bom);
    bytes.set(body, bom.length);
    return { ok: true, bytes };
  }
  // One pass over the whole text; only a failure pays for the cell-by-cell search.
  const bytes = iconv.encode(text, cp932);
  if (iconv.decode(bytes, cp932) === text) return { ok: true, bytes: new Uint8Array(bytes) };
  return { ok: false, error: firstUnencodable(table) };
}
