import { describe, expect, it } from 'vitest';
import { parseCsv } from '../tables/csv.ts';
import { csvField, formatCsv } from './csv-writer.ts';
import { exportColumn } from './export-table.ts';

const columns = [
  exportColumn('id', 'ID', 'string', 'ID', 'id'),
  exportColumn('value', '値', 'number', '値', 'value'),
  exportColumn('highlight', '注目', 'boolean', '注目', 'highlight'),
];

describe('csvField', () => {
  it('leaves plain text bare and writes blanks, numbers and booleans plainly', () => {
    expect(csvField('小諸市')).toBe('小諸市');
    expect(csvField(null)).toBe('');
    expect(csvField(343000000)).toBe('343000000');
    expect(csvField(-12.81)).toBe('-12.81');
    expect(csvField(false)).toBe('false');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('「しせいを正す」 "x"')).toBe('"「しせいを正す」 ""x"""');
    expect(csvField('1行目\n2行目')).toBe('"1行目\n2行目"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });
});

describe('formatCsv', () => {
  it('writes the header of code names, then each row, every record ending in CRLF', () => {
    const text = formatCsv({
      columns,
      rows: [
        ['a', 1.5, true],
        ['b', null, false],
      ],
    });
    expect(text).toBe('id,value,highlight\r\na,1.5,true\r\nb,,false\r\n');
  });

  it('reads back through the RFC 4180 reader the importer uses', () => {
    const rows = [['a "quoted", line\r\nbreak', 2, null]];
    const parsed = parseCsv(formatCsv({ columns, rows }));
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([
      ['id', 'value', 'highlight'],
      ['a "quoted", line\r\nbreak', '2', ''],
    ]);
  });
});
