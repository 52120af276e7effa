/**
 * CSV bytes for Excel users: UTF-8 with a BOM (so Excel does not guess Shift_JIS), or Shift_JIS as CP932 for
 * older tools. A character CP932 cannot hold is an error naming its row, record and column, never a silent '?'.
 */
import iconv from 'iconv-lite';
import { csvField, formatCsv } from './csv-writer.ts';
import type { ExportTable } from './export-table.ts';

export const csvEncodings = ['utf-8', 'shift_jis'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export interface UnencodableCell {
  /** 1-based record number in the file; the header is row 1. */
  row: number;
  /** The row's first cell (its id), or '' for the header. */
  record: string;
  column: string;
  character: string;
  message: string;
}

export type EncodeCsvResult = { ok: true; bytes: Uint8Array } | { ok: false; error: UnencodableCell };

const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
// CP932 rather than strict Shift_JIS: ① and the NEC/IBM kanji are in every Japanese Windows font.
const cp932 = 'cp932';

/**
 * Characters JIS X 0208 and CP932 name differently: Unicode's mapping of Shift_JIS gives 〜 for 0x8160, Windows
 * gives ～. Text typed on a Mac or copied from the web carries the first; Windows, Excel and iconv-lite's cp932
 * table know only the second, so each is written as its CP932 form.
 */
const cp932Forms: Readonly<Record<string, string>> = {
  '\u301c': '\uff5e', // 〜 → ～ WAVE DASH → FULLWIDTH TILDE
  '\u2212': '\uff0d', // − → － MINUS SIGN → FULLWIDTH HYPHEN-MINUS
  '\u2016': '\u2225', // ‖ → ∥ DOUBLE VERTICAL LINE → PARALLEL TO
  '\u00a2': '\uffe0', // ¢ → ￠
  '\u00a3': '\uffe1', // £ → ￡
  '\u00ac': '\uffe2', // ¬ → ￢
  '\u2014': '\u2015', // — → ― EM DASH → HORIZONTAL BAR
};
const jisOnly = new RegExp(`[${Object.keys(cp932Forms).join('')}]`, 'g');

/**
 * The text with each character Windows writes under another code point replaced by that one.
 * @example toCp932Forms('4月〜6月 −5%') // '4月～6月 －5%'
 */
export const toCp932Forms = (text: string): string => text.replace(jisOnly, (ch) => cp932Forms[ch] ?? ch);

const encodable = (text: string): boolean => iconv.decode(iconv.encode(text, cp932), cp932) === text;

function firstUnencodable(table: ExportTable): UnencodableCell {
  const header = table.columns.map((c) => c.name);
  const grid = [header, ...table.rows.map((r) => r.map(csvField))];
  for (const [r, fields] of grid.entries()) {
    for (const [c, field] of fields.entries()) {
      const character = [...toCp932Forms(String(field))].find((ch) => !encodable(ch));
      if (character === undefined) continue;
      const column = header[c] ?? '';
      const record = r === 0 ? '' : String(fields[0] ?? '');
      const code = `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
      return {
        row: r + 1,
        record,
        column,
        character,
        message: `${r + 1}行目「${column}」の文字「${character}」(${code}) は Shift_JIS で表せません${record ? ` (ID ${record})` : ''}。UTF-8 を選んでください (row ${r + 1}${record ? `, record ${record}` : ''}, column ${column}: ${code} cannot be encoded in Shift_JIS; use UTF-8)`,
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
  const windowsText = toCp932Forms(text);
  const bytes = iconv.encode(windowsText, cp932);
  if (iconv.decode(bytes, cp932) === windowsText) return { ok: true, bytes: new Uint8Array(bytes) };
  return { ok: false, error: firstUnencodable(table) };
}
