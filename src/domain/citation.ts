/**
 * A source's line and quote checked against its document's text: the line must exist and the quote must be
 * printed on it. OCR text breaks lines and inserts spaces at random, so the match ignores white space (as the
 * demo's own source test does).
 */

/** One entry per line, line 1 first; CRLF and a final newline make no extra line. */
export function textLines(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  return normalized === '' ? [] : normalized.split('\n');
}

const squeeze = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

export interface Citation {
  line?: number | undefined;
  quote?: string | undefined;
}

export type CitationProblem =
  | { kind: 'line_beyond_end'; line: number; lineCount: number }
  | { kind: 'quote_not_on_line'; line: number; lineText: string; quote: string }
  | { kind: 'quote_not_found'; quote: string };

/**
 * Why the citation does not match the text, or null when it does (or cites neither line nor quote).
 * A quote without a line must appear somewhere in the text.
 * @example citationProblem(['市長 小泉俊博'], { line: 1, quote: '小泉 俊博' }) // null
 * @example citationProblem(['a'], { line: 3 }) // { kind: 'line_beyond_end', line: 3, lineCount: 1 }
 */
export function citationProblem(lines: readonly string[], citation: Citation): CitationProblem | null {
  const quote = citation.quote?.trim() ? citation.quote : undefined;
  if (citation.line !== undefined) {
    const lineText = lines[citation.line - 1];
    if (lineText === undefined)
      return { kind: 'line_beyond_end', line: citation.line, lineCount: lines.length };
    if (quote !== undefined && !squeeze(lineText).includes(squeeze(quote)))
      return { kind: 'quote_not_on_line', line: citation.line, lineText, quote };
    return null;
  }
  if (quote !== undefined && !squeeze(lines.join('')).includes(squeeze(quote)))
    return { kind: 'quote_not_found', quote };
  return null;
}

/**
 * The problem in words, in Japanese and in English, showing the line's text.
 * @example citationWords({ kind: 'quote_not_found', quote: 'x' }).en // "the quote is not in the document's text"
 */
export function citationWords(problem: CitationProblem): { ja: string; en: string } {
  switch (problem.kind) {
    case 'line_beyond_end':
      return {
        ja: `${problem.line} 行目はありません（資料は ${problem.lineCount} 行）`,
        en: `line ${problem.line} is beyond the end: the document has ${problem.lineCount} line${problem.lineCount === 1 ? '' : 's'}`,
      };
    case 'quote_not_on_line':
      return {
        ja: `引用「${problem.quote}」は ${problem.line} 行目にありません。${problem.line} 行目:「${problem.lineText}」`,
        en: `the quote is not on line ${problem.line}, which reads: 「${problem.lineText}」`,
      };
    case 'quote_not_found':
      return {
        ja: `引用「${problem.quote}」が資料の本文にありません`,
        en: "the quote is not in the document's text",
      };
  }
}

/**
 * The problem in words, Japanese first with English beside, showing the line's text.
 * @example citationMessage({ kind: 'line_beyond_end', line: 3, lineCount: 1 })
 * // "3 行目はありません（資料は 1 行） (line 3 is beyond the end: the document has 1 line)"
 */
export function citationMessage(problem: CitationProblem): string {
  const words = citationWords(problem);
  return `${words.ja} (${words.en})`;
}
