import { describe, expect, it } from 'vitest';
import type { IndicatorValueRecord } from '../../domain/editing/records.ts';
import {
  indicatorValueChangedColumns,
  indicatorValueColumns,
  indicatorValueFromRow,
  indicatorValueRecordFromRow,
  indicatorValueToRow,
  writeIndicatorValueRow,
} from './indicator-value-rows.ts';

const source = { documentId: 'komoro-pride-vol5', line: 12 };
const record: IndicatorValueRecord = {
  id: 'i.a:observation@2024-03',
  indicatorId: 'i.a',
  role: 'observation',
  position: 3,
  value: 12,
  date: '2024-03',
  qualifier: null,
  outOf: 68,
  rankOf: null,
  source,
  text: '12件',
};

describe('the indicator_value row mapping', () => {
  it('gives its columns in the order the bulk insert lists them', () => {
    expect(Object.keys(indicatorValueToRow(record))).toEqual([...indicatorValueColumns]);
  });

  it('writes, flat, the columns indicatorValueToRow gives, in the same order', () => {
    const bare: IndicatorValueRecord = { ...record, date: null, text: undefined, note: undefined } as never;
    const noted = { ...record, date: '2016', note: '速報値', qualifier: 'over' } as IndicatorValueRecord;
    const out: unknown[] = new Array(1 + 3 * indicatorValueColumns.length);
    out[0] = 'earlier';
    let at = 1;
    for (const r of [record, bare, noted]) at = writeIndicatorValueRow(out, at, r);
    expect(at).toBe(out.length);
    const expected = [record, bare, noted].flatMap((r) => {
      const row = indicatorValueToRow(r);
      return indicatorValueColumns.map((column) => row[column]);
    });
    expect(out).toEqual(['earlier', ...expected]);
    expect(out.slice(1, 1 + indicatorValueColumns.length)).toEqual([
      'i.a',
      'observation',
      3,
      12,
      '12件',
      '2024-03',
      2023,
      null,
      68,
      null,
      null,
    ]);
  });

  it('stores the fiscal year of the date, January to March in the year before', () => {
    expect(indicatorValueToRow(record).fiscal_year).toBe(2023);
    expect(indicatorValueToRow({ ...record, date: null }).fiscal_year).toBeNull();
    // A calendar year spans two 年度, so it is stored with none.
    expect(indicatorValueToRow({ ...record, date: '2016' }).fiscal_year).toBeNull();
  });

  it('reads back the record it wrote, with absent optional fields left out', () => {
    const row = { id: record.id, ...indicatorValueToRow(record) };
    expect(indicatorValueRecordFromRow(row, source)).toStrictEqual(record);
    const bare = indicatorValueRecordFromRow({ ...row, text: null }, source);
    expect('text' in bare).toBe(false);
  });

  it('reads a joined row as the model value point', () => {
    const row = {
      id: record.id,
      ...indicatorValueToRow(record),
      src_document_id: 'komoro-pride-vol5',
      src_line: 12,
    };
    const joined = { ...row, src_section: null, src_page: null, src_quote: null, src_url: null };
    expect(indicatorValueFromRow(joined)).toStrictEqual({
      value: 12,
      text: '12件',
      date: '2024-03',
      qualifier: null,
      outOf: 68,
      rankOf: null,
      source,
    });
  });

  it('updates the fiscal year with the date', () => {
    expect(indicatorValueChangedColumns(['date', 'source'], indicatorValueToRow(record))).toEqual({
      date: '2024-03',
      fiscal_year: 2023,
    });
  });
});
