/**
 * What changed in a text, word by word: Japanese has no spaces, so words come from Intl.Segmenter (ICU's
 * dictionary for Japanese) and the `diff` package lines the two word lists up.
 */
import { diffArrays } from 'diff';

export interface DiffPart {
  text: string;
  /** 'same' in both; 'removed' only before; 'added' only after. */
  change: 'same' | 'removed' | 'added';
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

const words = (text: string): string[] => Array.from(segmenter.segment(text), (segment) => segment.segment);

/**
 * The two texts as runs of kept, removed and added words, neighbours of one kind joined.
 * @example wordDiff('子育て支援を拡充', '子育て支援を継続') // [{ text: '子育て支援を', change: 'same' }, { text: '拡充', change: 'removed' }, { text: '継続', change: 'added' }]
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const run of diffArrays(words(before), words(after))) {
    const change = run.added ? 'added' : run.removed ? 'removed' : 'same';
    const text = run.value.join('');
    const last = parts[parts.length - 1];
    if (last && last.change === change) last.text += text;
    else parts.push({ text, change });
  }
  return parts;
}

/** Whether a before/after pair reads better as a word diff than as two whole values: both are prose. */
export function isWording(before: string | null, after: string | null): boolean {
  if (before === null || after === null) return false;
  const prose = (text: string) =>
    !/^[-+]?[\d.,]+$/.test(text) && !text.startsWith('{') && !text.startsWith('[');
  return prose(before) && prose(after) && (before.length > 8 || after.length > 8);
}
