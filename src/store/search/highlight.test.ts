import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlight, snippet } from './highlight.ts';
import { parseSearchQuery } from './search-query.ts';

describe('highlight', () => {
  it('marks every occurrence, ignoring Latin case', () => {
    expect(highlight('Women と women の女性', ['WOMEN', '女性'])).toEqual([
      { text: 'Women', match: true },
      { text: ' と ', match: false },
      { text: 'women', match: true },
      { text: ' の', match: false },
      { text: '女性', match: true },
    ]);
  });

  it('merges overlapping terms into one mark', () => {
    expect(highlight('女性の比率', ['女性の', 'の比率'])).toEqual([{ text: '女性の比率', match: true }]);
  });

  it('gives back the text unchanged when joined', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 3 }),
        (text, terms) => {
          expect(
            highlight(text, terms)
              .map((f) => f.text)
              .join(''),
          ).toBe(text);
        },
      ),
    );
  });
});

describe('snippet', () => {
  it('cuts around the first match with ellipses', () => {
    const text = `${'あ'.repeat(50)}女性${'い'.repeat(50)}`;
    const fragments = snippet(text, ['女性'], { before: 5, length: 20 });
    expect(fragments.map((f) => f.text).join('')).toBe(`…${'あ'.repeat(5)}女性${'い'.repeat(13)}…`);
    expect(fragments.filter((f) => f.match)).toEqual([{ text: '女性', match: true }]);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(snippet('短い文', ['ない'])).toEqual([{ text: '短い文', match: false }]);
  });
});

describe('parseSearchQuery', () => {
  it('splits on ASCII and full-width spaces and drops repeats', () => {
    expect(parseSearchQuery(' 女性　比率 女性 ')).toEqual({
      ok: true,
      query: '女性　比率 女性',
      terms: ['女性', '比率'],
    });
  });

  it.each([undefined, '', '　 ', 'あ'.repeat(101)])('refuses %j with a message naming q', (input) => {
    const result = parseSearchQuery(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/「q」.*\(q /);
  });
});
