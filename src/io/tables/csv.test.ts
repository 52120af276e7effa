import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuMsOf } from '../../../test/helpers/cpu-time.ts';
import { csvRecords, parseCsv } from './csv.ts';

const records = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.messageEn);
  return result.records;
};

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('parseCsv', () => {
  it('splits plain fields and keeps empty ones', () => {
    expect(records('a,,c\n1,2,')).toEqual([
      { line: 1, cells: ['a', '', 'c'] },
      { line: 2, cells: ['1', '2', ''] },
    ]);
  });

  it('reads quoted fields with doubled quotes and commas', () => {
    expect(records('"「しせいを正す」, ""絆""",x')[0]?.cells).toEqual(['「しせいを正す」, "絆"', 'x']);
  });

  it('treats CRLF and LF alike', () => {
    expect(records('a,b\r\n1,2\r\n')).toEqual(records('a,b\n1,2\n'));
  });

  it('keeps newlines inside quotes and reports the line each record starts on', () => {
    const parsed = records('h1,h2\n"23億 2107万\r\n円余",x\n3,4\n');
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(parsed[1]?.cells[0]).toBe('23億 2107万\r\n円余');
  });

  it('skips blank lines without losing count of lines', () => {
    expect(records('a\n\n\nb\n').map((r) => r.line)).toEqual([1, 4]);
  });

  it('refuses a quote left open, naming the line it opened on', () => {
    expect(parseCsv('a,b\n1,"oops\n2,3\n')).toMatchObject({ ok: false, line: 2 });
  });

  it('reads on at the next line after a quote that never closes', () => {
    const records = [...csvRecords('a,b\n1,"oops\n2,3\n')];
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      expect.objectContaining({ ok: false, line: 2 }),
      { line: 3, cells: ['2', '3'] },
    ]);
  });

  it('reads back any grid written with RFC 4180 quoting', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        (grid) => {
          const text = grid.map((row) => row.map(quote).join(',')).join('\r\n');
          expect(records(text).map((r) => r.cells)).toEqual(grid);
        },
      ),
    );
  });

  it('parses 100,000 rows in well under a second', () => {
    const row = 'mirai-2016.i.seizure-count,FY2016,102件,件,komoro-pride-vol5,"H28:102件3,536千円"\n';
    const text = row.repeat(100_000);
    // CPU time, not wall time: tests share the machine with other suites.
    let parsed: unknown[] = [];
    const cpuMs = cpuMsOf(() => {
      parsed = records(text);
    });
    expect(parsed).toHaveLength(100_000);
    expect(cpuMs).toBeLessThan(1000);
  });
});
