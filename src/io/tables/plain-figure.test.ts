import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJapaneseNumber } from '../../domain/japanese-number.ts';
import { parseFigureText } from './cells.ts';

const units = ['', '件', '%', '時間', '円', '人', '位', '区', '店舗', '団体'];

describe('parseFigureText', () => {
  it('reads plain numbers with 約, a scale and a simple unit exactly as parseJapaneseNumber does', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(0, 1, -1)),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...units),
        fc.boolean(),
        fc.constantFrom('', '約'),
        fc.constantFrom('', '千', '万', '億'),
        (whole, decimals, unit, commas, about, scale) => {
          const digits = decimals === 0 ? String(whole) : (whole / 10 ** decimals).toFixed(decimals);
          const printed = commas
            ? Number(digits).toLocaleString('en-US', { maximumFractionDigits: 3 })
            : digits;
          const text = `${about}${printed}${scale}${unit}`;
          expect(parseFigureText(text)).toEqual(parseJapaneseNumber(text));
        },
      ),
    );
  });

  it('reads compound scales, other qualifiers and full-width digits as the full parser does', () => {
    for (const text of [
      '3,536千円',
      '約3200時間',
      '679万',
      '30店舗以上',
      '１２．８％',
      '▲1,200',
      '23億2107万円余',
      '1.5万件',
      '約-3件',
      '約1,200千円',
      '3億4300万',
      '0万円',
      '0千件',
    ]) {
      expect(parseFigureText(text)).toEqual(parseJapaneseNumber(text));
    }
  });
});
