import { describe, expect, it } from 'vitest';
import { parseSourceText, sourceText } from './source-text.ts';

describe('a source in one cell', () => {
  it('writes the fields in order on one line, the quote last', () => {
    expect(sourceText({ documentId: 'ofunato-jimujigyo-r7', line: 84, quote: '"totalCost": 2817' })).toBe(
      '資料: ofunato-jimujigyo-r7 | 行: 84 | 引用: "totalCost": 2817',
    );
  });

  it('reads back every field it writes, a quote with bars, colons and line breaks as it was', () => {
    const ref = {
      documentId: 'komoro-pride-vol5',
      section: '1.市役所の改革 「しせいを正す」',
      page: 3,
      line: 89,
      url: 'https://example.jp/a.pdf',
      quote: '就任前 | 引用: 679万\n　２行目',
    };
    expect(parseSourceText(sourceText(ref))).toEqual({ ok: true, ref });
  });

  it('reads a hand-typed cell: one field a line, full-width colons, no quote', () => {
    expect(parseSourceText('資料：doc-1\r\n頁：12')).toEqual({
      ok: true,
      ref: { documentId: 'doc-1', page: 12 },
    });
  });

  it('says what it cannot read, in Japanese and English', () => {
    expect(parseSourceText('行: 84')).toMatchObject({ ok: false, ja: '「資料: 資料ID」がありません' });
    expect(parseSourceText('資料: doc | 行: 八十四')).toMatchObject({
      ok: false,
      ja: '「行」は1以上の整数です（八十四）',
    });
    expect(parseSourceText('資料: doc | 場所: 表紙')).toMatchObject({
      ok: false,
      en: expect.stringContaining('場所'),
    });
  });
});
