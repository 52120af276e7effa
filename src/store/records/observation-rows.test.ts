import { describe, expect, it } from 'vitest';
import type { ObservationRecord } from '../../domain/editing/records.ts';
import {
  observationChangedColumns,
  observationColumns,
  observationFromRow,
  observationToRow,
  valuePointFromRow,
} from './observation-rows.ts';

const source = { documentId: 'komoro-pride-vol5', line: 12 };
const record: ObservationRecord = {
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
    expect(Object.keys(observationToRow(record))).toEqual([...observationColumns]);
  });

  it('stores the fiscal year of the date, January to March in the year before', () => {
    expect(observationToRow(record).fiscal_year).toBe(2023);
    expect(observationToRow({ ...record, date: null }).fiscal_year).toBeNull();
    // A calendar year spans two 年度, so it is stored with none.
    expect(observationToRow({ ...record, date: '2016' }).fiscal_year).toBeNull();
  });

  it('reads back the record it wrote, with absent optional fields left out', () => {
    const row = { id: record.id, ...observationToRow(record) };
    expect(observationFromRow(row, source)).toStrictEqual(record);
    const bare = observationFromRow({ ...row, text: null }, source);
    expect('text' in bare).toBe(false);
  });

  it('reads a joined row as the model value point', () => {
    const row = {
      id: record.id,
      ...observationToRow(record),
      src_document_id: 'komoro-pride-vol5',
      src_line: 12,
    };
    const joined = { ...row, src_section: null, src_page: null, src_quote: null, src_url: null };
    expect(valuePointFromRow(joined)).toStrictEqual({
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
    expect(observationChangedColumns(['date', 'source'], observationToRow(record))).toEqual({
      date: '2024-03',
      fiscal_year: 2023,
    });
  });
});
