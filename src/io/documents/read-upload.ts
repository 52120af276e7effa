/**
 * An uploaded source document's text: a text file is decoded (UTF-8 or Shift_JIS, found from the bytes); a PDF's
 * text is extracted with poppler's `pdftotext` where it is installed, and otherwise left to staff to paste.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeTableText } from '../tables/decode.ts';

export type UploadKind = 'pdf' | 'text';

export type UploadText =
  | { ok: true; kind: UploadKind; mediaType: string; text: string; origin: 'file' | 'pdftotext' }
  /** The file is kept; its text could not be read here and may be pasted. */
  | { ok: true; kind: 'pdf'; mediaType: string; text: undefined; origin: 'none'; reason: string }
  | { ok: false; message: string };

const isPdf = (bytes: Uint8Array) =>
  bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/** Runs `pdftotext -layout file -` and resolves with its text, or rejects when it is missing or fails. */
async function pdfToText(bytes: Uint8Array, command: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mieruka-pdf-'));
  try {
    const file = join(dir, 'upload.pdf');
    await writeFile(file, bytes);
    return await new Promise<string>((resolve, reject) => {
      execFile(
        command,
        ['-layout', '-enc', 'UTF-8', file, '-'],
        { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Text files hold tabs, line breaks and form feeds; other control characters mean binary data.
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x20)) return true;
  }
  return false;
}

export interface ReadUploadOptions {
  /** The pdftotext executable; absent on a machine without poppler-utils. */
  pdftotext?: string;
}

/**
 * The text of an uploaded document file, by its bytes (not its name): `%PDF-` is a PDF, anything else must
 * decode as text. Form feeds (pdftotext's page breaks) become line breaks, so every page starts a line.
 * @example await readUploadText(bytes) // { ok: true, kind: 'text', mediaType: 'text/plain; charset=utf-8', text: '…', origin: 'file' }
 */
export async function readUploadText(
  bytes: Uint8Array,
  options: ReadUploadOptions = {},
): Promise<UploadText> {
  if (isPdf(bytes)) {
    const mediaType = 'application/pdf';
    try {
      const text = await pdfToText(bytes, options.pdftotext ?? 'pdftotext');
      return { ok: true, kind: 'pdf', mediaType, text: text.replace(/\f/g, '\n'), origin: 'pdftotext' };
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      const reason = missing
        ? 'pdftotext がないため PDF の本文を読み取れません。本文を貼り付けてください (pdftotext is not installed: paste the text)'
        : 'PDF の本文を読み取れませんでした。本文を貼り付けてください (the PDF text could not be extracted: paste the text)';
      return { ok: true, kind: 'pdf', mediaType, text: undefined, origin: 'none', reason };
    }
  }
  const decoded = decodeTableText(bytes);
  if (!decoded.ok)
    return {
      ok: false,
      message: `ファイルは PDF でもテキストでもありません（${decoded.offset} バイト目）。PDF かテキストファイルを選んでください (the file is neither a PDF nor text, at byte ${decoded.offset}: choose a PDF or a text file)`,
    };
  if (hasControlCharacters(decoded.text))
    return {
      ok: false,
      message:
        'ファイルはテキストではありません。PDF かテキストファイルを選んでください (the file is not text: choose a PDF or a text file)',
    };
  const charset = decoded.encoding === 'shift_jis' ? 'shift_jis' : 'utf-8';
  return {
    ok: true,
    kind: 'text',
    mediaType: `text/plain; charset=${charset}`,
    text: decoded.text,
    origin: 'file',
  };
}
