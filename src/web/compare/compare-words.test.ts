import { describe, expect, it } from 'vitest';
import { comparableCountLimit } from '../../domain/comparison/index.ts';
import { compareWords } from './compare-words.ts';

describe('the node page’s link to a comparison', () => {
  it('names the count of other organizations below the limit', () => {
    expect(compareWords.ja.compareLink(3)).toBe('他の自治体と比べる（3団体）');
    expect(compareWords.en.compareLink(3)).toBe('Compare with other municipalities (3 organizations)');
  });

  it('says “or more” at the limit, where counting stopped', () => {
    expect(compareWords.ja.compareLink(comparableCountLimit)).toBe(
      `他の自治体と比べる（${comparableCountLimit}団体以上）`,
    );
    expect(compareWords.en.compareLink(comparableCountLimit)).toBe(
      `Compare with other municipalities (${comparableCountLimit} or more organizations)`,
    );
  });
});
