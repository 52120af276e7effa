import { describe, expect, it } from 'vitest';
import { splitBilingual } from './table-error.ts';

describe('splitBilingual', () => {
  it('splits "日本語 (English)" at the last parenthesis', () => {
    expect(splitBilingual('「目標値」が数値ではありません (target is not a number)')).toEqual({
      messageJa: '「目標値」が数値ではありません',
      messageEn: 'target is not a number',
    });
  });

  it('keeps parentheses inside the Japanese part', () => {
    expect(splitBilingual('「出典」(資料ID) が必要です (sourceDocumentId is needed)')).toEqual({
      messageJa: '「出典」(資料ID) が必要です',
      messageEn: 'sourceDocumentId is needed',
    });
  });

  it('uses a message without an English part for both', () => {
    expect(splitBilingual('Invalid input')).toEqual({
      messageJa: 'Invalid input',
      messageEn: 'Invalid input',
    });
  });
});
