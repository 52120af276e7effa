import { describe, expect, it } from 'vitest';
import { Footnotes } from './footnotes.ts';

describe('Footnotes', () => {
  it('numbers sources in the order first cited and reuses a number for the same line', () => {
    const notes = new Footnotes();
    expect(notes.cite({ documentId: 'a', line: 3 })).toBe(1);
    expect(notes.cite({ documentId: 'b', line: 3 })).toBe(2);
    expect(notes.cite({ documentId: 'a', line: 3, quote: 'again' })).toBe(1);
    expect(notes.cite({ documentId: 'a' })).toBe(3);
    expect(notes.all().map((n) => [n.n, n.source.documentId, n.source.line])).toEqual([
      [1, 'a', 3],
      [2, 'b', 3],
      [3, 'a', undefined],
    ]);
  });
});
