import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeTableText } from './decode.ts';

const text = '指標ID,日付,値\nmirai-2016.i.seizure-count,H28,102件\n';

describe('decodeTableText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeTableText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeTableText(bytes)).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('falls back to Shift_JIS when the bytes are not UTF-8', () => {
    expect(decodeTableText(iconv.encode(text, 'shift_jis'))).toEqual({ text, encoding: 'shift_jis' });
  });

  it('reads the CP932 extensions Excel writes, such as ① and ㈱', () => {
    const cp932 = '①若者が幸せに暮らせるまち,㈱';
    expect(decodeTableText(iconv.encode(cp932, 'cp932')).text).toBe(cp932);
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeTableText(new TextEncoder().encode('a,b')).encoding).toBe('utf-8');
  });
});
