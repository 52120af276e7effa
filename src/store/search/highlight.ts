/**
 * Highlighted text as data: fragments that do or do not match the query. Pages wrap matches in <mark> and
 * escape everything, so no markup ever comes from the database.
 */
import { z } from 'zod';

export const snippetFragmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetFragment = z.infer<typeof snippetFragmentSchema>;

type Range = [start: number, end: number];

// Case-folding must keep every index where it was, or ranges would point at the wrong characters.
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

/** Every place a term occurs, merged where they overlap, in order. */
export function matchRanges(text: string, terms: readonly string[]): Range[] {
  const folded = foldCase(text);
  const ranges: Range[] = [];
  for (const term of terms.map(foldCase).filter((t) => t !== '')) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      ranges.push([at, at + term.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** True when every term occurs in `text`, ignoring case. */
export function containsAll(text: string, terms: readonly string[]): boolean {
  const folded = foldCase(text);
  return terms.every((term) => folded.includes(foldCase(term)));
}

/**
 * The text cut into matching and other fragments.
 *
 * @example highlight('女性の比率', ['女性']) // [{ text: '女性', match: true }, { text: 'の比率', match: false }]
 */
export function highlight(text: string, terms: readonly string[]): SnippetFragment[] {
  const fragments: SnippetFragment[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, terms)) {
    if (start > at) fragments.push({ text: text.slice(at, start), match: false });
    fragments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) fragments.push({ text: text.slice(at), match: false });
  return fragments;
}

export interface SnippetOptions {
  /** Characters kept before the first match; the snippet is at most `length` characters. */
  before?: number;
  length?: number;
}

/**
 * A window of `text` around its first match, highlighted, with "…" where it was cut.
 *
 * @example snippet('…長い本文の中の女性の比率…', ['女性'], { before: 2, length: 8 })
 */
export function snippet(
  text: string,
  terms: readonly string[],
  { before = 30, length = 120 }: SnippetOptions = {},
): SnippetFragment[] {
  const first = matchRanges(text, terms)[0];
  const start = first ? Math.max(0, first[0] - before) : 0;
  const end = Math.min(text.length, start + length);
  const fragments = highlight(text.slice(start, end).replace(/\s+/gu, ' '), terms);
  if (start > 0) fragments.unshift({ text: '…', match: false });
  if (end < text.length) fragments.push({ text: '…', match: false });
  return fragments;
}
