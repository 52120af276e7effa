/** The history's words: field labels in the page language, JST times, word-level diffs of wording. */
import { describe, expect, it } from 'vitest';
import { fieldLabel, valueLabel } from './field-labels.ts';
import { jstDateTime } from './jst-time.ts';
import { isWording, wordDiff } from './word-diff.ts';

describe('fieldLabel and valueLabel', () => {
  it('name fields and coded values in the page language, never as raw paths', () => {
    expect(fieldLabel('source.documentId', 'ja')).toBe('出典資料');
    expect(fieldLabel('source.documentId', 'en')).toBe('Source document');
    expect(fieldLabel('statusSource.line', 'ja')).toBe('状況の根拠の行');
    expect(fieldLabel('status', 'ja')).toBe('状況');
    expect(fieldLabel('ratingScale.name', 'en')).toBe('Rating thresholds: name');
    expect(valueLabel('node', 'status', 'done', 'ja')).toBe('完了');
    expect(valueLabel('node', 'status', 'done', 'en')).toBe('Done');
    expect(valueLabel('node', 'kind', 'pillar', 'ja')).toBe('柱');
    expect(valueLabel('plan', 'kind', 'manifesto', 'en')).toBe('Manifesto');
    expect(valueLabel('node', 'title', 'done', 'ja')).toBe('done');
  });
});

describe('jstDateTime', () => {
  it('writes an instant in Japan Standard Time, whatever the server zone', () => {
    expect(jstDateTime('2026-12-03T05:05:00Z', 'ja')).toBe('2026年12月3日 14:05');
    // 15:30 UTC is past midnight in Tokyo: the date moves on.
    expect(jstDateTime('2026-12-31T15:30:00.123Z', 'ja')).toBe('2027年1月1日 00:30');
    expect(jstDateTime('2026-12-03T05:05:00Z', 'en')).toBe('3 December 2026, 14:05 JST');
  });
});

describe('wordDiff', () => {
  it('finds changed words in Japanese, which has no spaces', () => {
    expect(wordDiff('子育て支援を拡充します', '子育て支援を継続します')).toEqual([
      { text: '子育て支援を', change: 'same' },
      { text: '拡充', change: 'removed' },
      { text: '継続', change: 'added' },
      { text: 'します', change: 'same' },
    ]);
  });
  it('keeps every character of both texts', () => {
    const parts = wordDiff('Support for families grows', 'Support for parents grows');
    const side = (skip: string) =>
      parts
        .filter((p) => p.change !== skip)
        .map((p) => p.text)
        .join('');
    expect(side('added')).toBe('Support for families grows');
    expect(side('removed')).toBe('Support for parents grows');
  });
  it('treats numbers and codes as values, not wording', () => {
    expect(isWording('12', '13')).toBe(false);
    expect(isWording('in_progress', null)).toBe(false);
    expect(isWording('自治会と市政の連携強化', '自治会と市政の連携をさらに強化')).toBe(true);
  });
});
