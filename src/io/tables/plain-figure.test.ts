import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJapaneseNumber } from '../../domain/japanese-number.ts';
import { parseFigureText } from './cells.ts';

const units = ['', '件', '%', '時間', '円', '人', '位', '区', '店舗', '団体'];

describe('parseFigureText', () => {
  it('reads plain numbers with a simple unit exactly as parseJapaneseNumber does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...units),
        fc.boolean(),
        (whole, decimals, unit, commas) => {
          const digits = decimals === 0 ? String(whole) : (whole / 10 ** decimals).toFixed(decimals);
          const printed = commas
            ? Number(digits).toLocaleString('en-US', { maximumFractionDigits: 3 })
            : digits;
          const text = `${printed}${unit}`;
          expect(parseFigureText(text)).toEqual(parseJapaneseNumber(text));
        },
      ),
    );
  });

  it('leaves scales, qualifiers and full-width digits to the full parser', () => {
    for (const text of [
      '3,536千円',
      '約3200時間',
      '679万',
      '30店舗以上',
      '１２．８％',
      '▲1,200',
      '23億2107万円余',
    ]) {
      expect(parseFigureText(text)).toEqual(parseJapaneseNumber(text));
    }
  });
});
