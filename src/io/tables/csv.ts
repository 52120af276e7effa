/**
 * An RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, newlines inside quotes.
 * Each record keeps the 1-based line it starts on, so an error can point at the line an editor shows.
 */

export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | CsvSyntaxError;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** A CSV syntax error and the line its record starts on. */
export interface CsvSyntaxError {
  ok: false;
  line: number;
  messageJa: string;
  messageEn: string;
}

/**
 * Splits CSV text into records; blank lines are skipped.
 * @example parseCsv('a,"b ""c"""\n1,2') // { ok: true, records: [{ line: 1, cells: ['a', 'b "c"'] }, { line: 2, cells: ['1', '2'] }] }
 */
export function parseCsv(text: string): CsvParseResult {
  const records: CsvRecord[] = [];
  for (const record of csvRecords(text)) {
    if ('ok' in record) return record;
    records.push(record);
  }
  return { ok: true, records };
}

/**
 * The records one at a time, with a syntax error in place of a record whose quote never closes (reading then goes
 * on at the next line, so every bad row of a file is reported in one pass): a large import validates each record
 * as it is read, so its cells die young rather than live through every garbage collection of the whole file.
 * @example [...csvRecords('a\n1')] // [{ line: 1, cells: ['a'] }, { line: 2, cells: ['1'] }]
 */
export function* csvRecords(text: string): Generator<CsvRecord | CsvSyntaxError, void> {
  const length = text.length;
  let pos = 0;
  let line = 1;
  while (pos < length) {
    const startLine = line;
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let cell: string;
      if (text.charCodeAt(pos) === QUOTE) {
        const quoted = readQuoted(text, pos + 1);
        if (quoted === null) {
          yield {
            ok: false,
            line: startLine,
            messageJa: '引用符 (") が閉じられていません',
            messageEn: 'a quoted field is never closed',
          };
          // Recover at the next line, so the rows after a stray quote are still read and checked in the same pass.
          const resume = nextLineStart(text, pos);
          if (resume === null) return;
          pos = resume;
          line += 1;
          endOfRecord = true;
          cells.length = 0;
          break;
        }
        cell = quoted.value;
        line += quoted.newlines;
        pos = quoted.end;
        // Text after a closing quote is not RFC 4180, but Excel users type it; keep it rather than fail.
        const rest = readPlain(text, pos);
        cell += rest.value;
        pos = rest.end;
      } else {
        const plain = readPlain(text, pos);
        cell = plain.value;
        pos = plain.end;
      }
      cells.push(cell);
      const code = text.charCodeAt(pos);
      if (code === COMMA) {
        pos += 1;
      } else {
        endOfRecord = true;
        if (code === CR) pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
        else if (code === LF) pos += 1;
        if (pos <= length) line += 1;
      }
    }
    if (cells.length > 1 || (cells.length === 1 && cells[0] !== '')) yield { line: startLine, cells };
  }
}

/** Where the line holding `pos` ends, past its CR, LF or CRLF; null when it is the last line. */
function nextLineStart(text: string, pos: number): number | null {
  for (let i = pos; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === LF) return i + 1;
    if (code === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return null;
}

function readPlain(text: string, start: number): { value: string; end: number } {
  let pos = start;
  const length = text.length;
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code === COMMA || code === LF || code === CR) break;
    pos += 1;
  }
  return { value: text.slice(start, pos), end: pos };
}

function readQuoted(text: string, start: number): { value: string; end: number; newlines: number } | null {
  let value = '';
  let from = start;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0) return null;
    value += text.slice(from, close);
    if (text.charCodeAt(close + 1) === QUOTE) {
      value += '"';
      from = close + 2;
    } else {
      return { value, end: close + 1, newlines: countNewlines(value) };
    }
  }
}

function countNewlines(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code === LF || (code === CR && value.charCodeAt(i + 1) !== LF)) count += 1;
  }
  return count;
}
