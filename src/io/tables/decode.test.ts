import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeTableText } from './decode.ts';

const text = '指標ID,日付,値\nmirai-2016.i.seizure-count,H28,102件\n';

describe('decodeTableText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeTableText(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeTableText(bytes)).toEqual({ ok: true, text, encoding: 'utf-8-bom' });
  });

  it('falls back to Shift_JIS when the bytes are not UTF-8', () => {
    expect(decodeTableText(iconv.encode(text, 'shift_jis'))).toEqual({
      ok: true,
      text,
      encoding: 'shift_jis',
    });
  });

  it('reads the CP932 extensions Excel writes, such as ① and ㈱', () => {
    const cp932 = '①若者が幸せに暮らせるまち,㈱';
    expect(decodeTableText(iconv.encode(cp932, 'cp932'))).toMatchObject({ text: cp932 });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeTableText(new TextEncoder().encode('a,b'))).toMatchObject({ encoding: 'utf-8' });
  });

  it('refuses UTF-8 with a damaged byte, naming its offset', () => {
    const bytes = new TextEncoder().encode('指標ID,日付\n第一,あ?い\n');
    const offset = new TextEncoder().encode('指標ID,日付\n第一,あ').length;
    bytes[offset] = 0xff;
    expect(decodeTableText(bytes)).toMatchObject({
      ok: false,
      offset,
      messageEn: expect.stringContaining(`offset ${offset}`),
    });
  });

  it('refuses UTF-8 cut in the middle of its last character', () => {
    const whole = new TextEncoder().encode('指標ID,日付\n小諸市');
    const result = decodeTableText(whole.subarray(0, whole.length - 1));
    expect(result).toMatchObject({ ok: false, offset: whole.length - 3 });
  });

  it('reads a file with a BOM strictly too, counting the offset from the first byte of the file', () => {
    const body = new TextEncoder().encode('指標ID,日付\nあ');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body.subarray(0, body.length - 2)]);
    expect(decodeTableText(bytes)).toMatchObject({ ok: false, offset: 3 + body.length - 3 });
  });

  it('keeps a real U+FFFD in the text and reports the damaged byte after it', () => {
    const bytes = new TextEncoder().encode('\ufffd小諸市?');
    bytes[bytes.length - 1] = 0xc3;
    expect(decodeTableText(bytes)).toMatchObject({ ok: false, offset: bytes.length - 1 });
    expect(decodeTableText(new TextEncoder().encode('\ufffd小諸市'))).toMatchObject({ ok: true });
  });
});
