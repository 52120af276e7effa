/**
 * Staff save CSV from Excel as Shift_JIS (CP932) as often as UTF-8, so the encoding is found from the bytes
 * rather than asked for.
 */
import iconv from 'iconv-lite';

export type TableTextEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

export interface DecodedTableText {
  text: string;
  encoding: TableTextEncoding;
}

/**
 * Decodes a CSV file's bytes: a BOM means UTF-8 with BOM, valid UTF-8 means UTF-8, anything else is CP932.
 * @example decodeTableText(new TextEncoder().encode('指標ID')) // { text: '指標ID', encoding: 'utf-8' }
 */
export function decodeTableText(bytes: Uint8Array): DecodedTableText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // CP932 rather than plain Shift_JIS: Excel writes NEC and IBM extensions such as ①.
    return { text: iconv.decode(Buffer.from(bytes), 'cp932'), encoding: 'shift_jis' };
  }
}
