import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readUploadText } from './read-upload.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A one-page PDF whose text is "Komoro 2024", built by hand (offsets computed, so pdftotext reads it). */
function tinyPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 18 Tf 20 40 Td (Komoro 2024) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe('readUploadText', () => {
  it('reads a Shift_JIS text file', async () => {
    const bytes = iconv.encode('小諸市 事業報告\r\n移住相談 128件\r\n', 'shift_jis');
    expect(await readUploadText(new Uint8Array(bytes))).toMatchObject({
      ok: true,
      kind: 'text',
      text: '小諸市 事業報告\r\n移住相談 128件\r\n',
      origin: 'file',
    });
  });

  it('refuses binary bytes that are neither PDF nor text', async () => {
    const result = await readUploadText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('PDF かテキストファイル') });
  });

  it('keeps a PDF without text when pdftotext is not installed, asking for pasted text', async () => {
    const result = await readUploadText(tinyPdf(), { pdftotext: '/nonexistent/pdftotext' });
    expect(result).toMatchObject({
      ok: true,
      kind: 'pdf',
      origin: 'none',
      text: undefined,
      reason: expect.stringContaining('pdftotext がない'),
    });
  });

  it.runIf(hasPdftotext)('extracts a PDF text with pdftotext', async () => {
    const result = await readUploadText(tinyPdf());
    expect(result).toMatchObject({ ok: true, kind: 'pdf', origin: 'pdftotext' });
    expect(result.ok && result.text).toContain('Komoro 2024');
  });
});
