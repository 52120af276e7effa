import { describe, expect, it } from 'vitest';
import { citationMessage, citationProblem, textLines } from './citation.ts';

const lines = textLines('こもろ未来プロジェクト\r\n\r\n市長 小泉 俊博\n');

describe('textLines', () => {
  it('counts CRLF lines without an extra one for the final newline', () => {
    expect(lines).toEqual(['こもろ未来プロジェクト', '', '市長 小泉 俊博']);
    expect(textLines('')).toEqual([]);
  });
});

describe('citationProblem', () => {
  it('finds a quote on its line whatever the spaces', () => {
    expect(citationProblem(lines, { line: 3, quote: '小泉俊博' })).toBeNull();
    expect(citationProblem(lines, { line: 1 })).toBeNull();
  });

  it('refuses a line beyond the end', () => {
    const problem = citationProblem(lines, { line: 4, quote: '小泉' });
    expect(problem).toEqual({ kind: 'line_beyond_end', line: 4, lineCount: 3 });
    expect(citationMessage(problem ?? { kind: 'quote_not_found', quote: '' })).toBe(
      '4 行目はありません（資料は 3 行） (line 4 is beyond the end: the document has 3 lines)',
    );
  });

  it('refuses a quote that is not on the line, showing the line', () => {
    const problem = citationProblem(lines, { line: 1, quote: '小泉' });
    expect(problem).toEqual({
      kind: 'quote_not_on_line',
      line: 1,
      lineText: 'こもろ未来プロジェクト',
      quote: '小泉',
    });
    expect(citationMessage(problem ?? { kind: 'quote_not_found', quote: '' })).toContain(
      '1 行目:「こもろ未来プロジェクト」',
    );
  });

  it('looks for a quote without a line in the whole text', () => {
    expect(citationProblem(lines, { quote: '未来プロジェクト' })).toBeNull();
    expect(citationProblem(lines, { quote: '過去' })).toEqual({ kind: 'quote_not_found', quote: '過去' });
  });
});
