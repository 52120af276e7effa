/**
 * A newsletter's text as classified lines: OCR turns every printed bullet into "- ", so the mark after it
 * (● policy, ・ item, ① numbered) is what says what the line is.
 */
export type LineKind = 'blank' | 'policy' | 'item' | 'numbered' | 'dash' | 'text';

export interface NewsletterLine {
  /** 1-based, as SourceRef.line. */
  line: number;
  kind: LineKind;
  /** The line without its bullet marks, trimmed. */
  text: string;
  /** The line as printed, for quotes. */
  raw: string;
}

const dashMark = /^[-‐－]\s+/u;
const itemMark = /^[・·･]\s*/u;
const circled = /^[①-⑳]/u;

function classify(raw: string, line: number): NewsletterLine {
  const trimmed = raw.trim();
  if (trimmed === '') return { line, kind: 'blank', text: '', raw };
  const dashed = dashMark.test(trimmed);
  const body = trimmed.replace(dashMark, '');
  if (body.startsWith('●')) return { line, kind: 'policy', text: body, raw };
  if (itemMark.test(body)) return { line, kind: 'item', text: body.replace(itemMark, ''), raw };
  if (circled.test(body)) return { line, kind: 'numbered', text: body, raw };
  return { line, kind: dashed ? 'dash' : 'text', text: body, raw };
}

/**
 * Splits and classifies the text's lines.
 * @example classifyLines('- ●自治会の見直し')[0] // { line: 1, kind: 'policy', text: '●自治会の見直し', … }
 */
export function classifyLines(text: string): NewsletterLine[] {
  return text.split(/\r?\n/u).map((raw, i) => classify(raw, i + 1));
}

/** Several ● on one line are several policies. */
export function splitPolicies(text: string): string[] {
  return text
    .split('●')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** 「・危機管理課の創設 ・消防庁舎の移転新築」: a ・ after a space starts another item; 課の創設・トップ does not. */
export function splitItems(text: string): string[] {
  return text
    .split(/\s+[・·･]\s*/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** ※ starts a glossary note printed after an item. */
export function splitNote(text: string): { title: string; note?: string } {
  const at = text.indexOf('※');
  if (at < 0) return { title: text.trim() };
  return { title: text.slice(0, at).trim(), note: text.slice(at + 1).trim() };
}

/** OCR splits words with spaces inside Japanese text; they carry no meaning there. */
export function joinJapanese(text: string): string {
  return text.replace(/(?<=[^\p{ASCII}])\s+(?=[^\p{ASCII}])/gu, '').trim();
}
