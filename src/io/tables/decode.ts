/**
 * Staff save CSV from Excel as Shift_JIS (CP932) as often as UTF-8, so the encoding is found from the bytes
 * rather than asked for. A file that is mostly UTF-8 but holds bytes UTF-8 forbids is refused with the offset of
 * the first one, never stored with U+FFFD in place of what was there.
 */
import iconv from 'iconv-lite';

export type TableTextEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

export interface DecodedTableText {
  ok: true;
  text: string;
  encoding: TableTextEncoding;
}

export interface UndecodableTableText {
  ok: false;
  /** 0-based offset of the first byte that cannot be read, counted from the start of the file. */
  offset: number;
  messageJa: string;
  messageEn: string;
}

const REPLACEMENT = 0xfffd;
const utf8Bom = [0xef, 0xbb, 0xbf];

/**
 * Decodes a CSV file's bytes: a BOM means UTF-8 with BOM, valid UTF-8 means UTF-8, bytes that read as Shift_JIS
 * rather than as damaged UTF-8 mean CP932; anything else is refused with the byte offset.
 * @example decodeTableText(new TextEncoder().encode('指標ID')) // { ok: true, text: '指標ID', encoding: 'utf-8' }
 */
export function decodeTableText(bytes: Uint8Array): DecodedTableText | UndecodableTableText {
  if (utf8Bom.every((byte, i) => bytes[i] === byte)) {
    const body = bytes.subarray(utf8Bom.length);
    const lenient = new TextDecoder('utf-8').decode(body);
    const bad = firstReplaced(lenient, body);
    if (bad === undefined) return { ok: true, text: lenient, encoding: 'utf-8-bom' };
    return invalidUtf8(bad + utf8Bom.length);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decodeNotUtf8(bytes);
  }
}

function decodeNotUtf8(bytes: Uint8Array): DecodedTableText | UndecodableTableText {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const firstBad = firstReplaced(lenient, bytes) ?? 0;
  // Shift_JIS read as UTF-8 is mostly invalid; UTF-8 with a damaged byte or a cut character is mostly valid.
  if (mostlyUtf8(lenient)) return invalidUtf8(firstBad);
  // CP932 rather than plain Shift_JIS: Excel writes NEC and IBM extensions such as ①.
  const text = iconv.decode(Buffer.from(bytes), 'cp932');
  if (!text.includes(String.fromCharCode(REPLACEMENT))) return { ok: true, text, encoding: 'shift_jis' };
  return {
    ok: false,
    offset: firstBad,
    messageJa: `文字コードを判別できません。UTF-8 としても Shift_JIS としても読めないバイトがあります (バイト位置 ${firstBad}、先頭を 0 とする)`,
    messageEn: `cannot tell the character encoding: the bytes are neither UTF-8 nor Shift_JIS (first bad byte at offset ${firstBad})`,
  };
}

function mostlyUtf8(lenient: string): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < lenient.length; i += 1) {
    const code = lenient.charCodeAt(i);
    if (code === REPLACEMENT) invalid += 1;
    else if (code >= 0x80) valid += 1;
  }
  return valid > invalid;
}

/** The byte offset of the first U+FFFD the lenient decoder put in; the prefix before it re-encodes to the same bytes. */
function firstReplaced(lenient: string, bytes: Uint8Array): number | undefined {
  const index = lenient.indexOf(String.fromCharCode(REPLACEMENT));
  if (index < 0) return undefined;
  const offset = new TextEncoder().encode(lenient.slice(0, index)).length;
  // A file may hold a real U+FFFD (EF BF BD); that one is text, so look past it.
  if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
    const rest = firstReplaced(lenient.slice(index + 1), bytes.subarray(offset + 3));
    return rest === undefined ? undefined : offset + 3 + rest;
  }
  return offset;
}

const invalidUtf8 = (offset: number): UndecodableTableText => ({
  ok: false,
  offset,
  messageJa: `UTF-8 として正しくないバイトがあります (バイト位置 ${offset}、先頭を 0 とする)。ファイルが壊れていないか確かめてください`,
  messageEn: `invalid UTF-8 at byte offset ${offset}: check that the file is not damaged`,
});
