import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../export/csv-writer.ts';
import { exportColumn } from '../export/export-table.ts';
import { parseCsv } from './csv.ts';
import { guardFormula, unguardFormula } from './formula-guard.ts';

describe('guardFormula', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+81', '-5', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil.example")']) {
      expect(guardFormula(text)).toBe(`'${text}`);
    }
  });

  it('leaves other text alone, an apostrophe alone included', () => {
    for (const text of ['小諸市', '', "'", "'a", 'a=b', ' =1', '5-3']) expect(guardFormula(text)).toBe(text);
  });

  it('guards a text that already starts with apostrophes before a formula character once more', () => {
    expect(guardFormula("'=1")).toBe("''=1");
    expect(unguardFormula("''=1")).toBe("'=1");
  });
});

describe('unguardFormula', () => {
  it('takes the guard off only where it precedes a formula character', () => {
    expect(unguardFormula("'=1+1")).toBe('=1+1');
    expect(unguardFormula("'-5")).toBe('-5');
    expect(unguardFormula("'a")).toBe("'a");
    expect(unguardFormula("'")).toBe("'");
    expect(unguardFormula('=1')).toBe('=1');
  });
});

const columns = [
  exportColumn('text', '文字', 'string', '文字', 'text'),
  exportColumn('value', '値', 'number', '値', 'value'),
];
// Strings built mostly from the characters that matter here, so the interesting cases are common.
const trickyText = fc.string({
  unit: fc.oneof(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' '), fc.string()),
  maxLength: 12,
});

describe('CSV export then import', () => {
  it('returns every string unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.string({ unit: 'binary' })), (text) => {
        const csv = formatCsv({ columns, rows: [[text, 1]] });
        const parsed = parseCsv(csv);
        if (!parsed.ok) throw new Error(parsed.messageEn);
        // A blank line is no record; the one-cell-blank case is the header alone plus ',1'.
        const cell = parsed.records[1]?.cells[0];
        expect(unguardFormula(cell ?? '')).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes no text cell a spreadsheet would run, and leaves numbers as numbers', () => {
    fc.assert(
      fc.property(trickyText, fc.double({ noNaN: true, noDefaultInfinity: true }), (text, value) => {
        const csv = formatCsv({ columns, rows: [[text, value]] });
        const parsed = parseCsv(csv);
        if (!parsed.ok) throw new Error(parsed.messageEn);
        const [cell, number] = parsed.records[1]?.cells ?? [];
        expect(cell ?? '').not.toMatch(/^[=+\-@\t\r]/);
        expect(number).toBe(String(value));
      }),
      { numRuns: 1000 },
    );
  });
});
