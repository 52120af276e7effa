import { describe, expect, it } from 'vitest';
import { Footnotes } from './footnotes.ts';

describe('Footnotes', () => {
  it('gives each quote its own number, even two quotes on one line, and reuses it for the same quote', () => {
    const notes = new Footnotes();
    const hometownTax = { documentId: 'pride', line: 89, quote: '1月現在/3億4300万' };
    const overtime = { documentId: 'pride', line: 89, quote: '超過勤務時間削減 -12.81%' };
    expect(notes.cite(hometownTax)).toBe(1);
    expect(notes.cite(overtime)).toBe(2);
    expect(notes.cite({ ...hometownTax })).toBe(1);
    expect(notes.cite({ documentId: 'other', line: 3 })).toBe(3);
    expect(notes.all().map((n) => [n.n, n.source.quote ?? null, n.documentNumber])).toEqual([
      [1, '1月現在/3億4300万', 1],
      [2, '超過勤務時間削減 -12.81%', 1],
      [3, null, 2],
    ]);
  });

  it('lists each cited document once, in the order first cited', () => {
    const notes = new Footnotes();
    notes.cite({ documentId: 'b', line: 1, quote: 'x' });
    notes.cite({ documentId: 'a', line: 2, quote: 'y' });
    notes.cite({ documentId: 'b', line: 5, quote: 'z' });
    expect(notes.documents()).toEqual(['b', 'a']);
  });
});
