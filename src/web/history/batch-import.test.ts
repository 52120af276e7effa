import { describe, expect, it } from 'vitest';
import { columnarRecords } from '../../domain/editing/columnar-records.ts';
import { isBatchImport, previewRecords } from './batch-import.ts';

describe('isBatchImport', () => {
  const summary = { counts: { created: 2 }, created: {}, file: 'obs.csv', updated: {} };

  it('knows a batched import by its summary', () => {
    expect(isBatchImport({ action: 'import', before: null, after: summary })).toBe(true);
  });

  it('leaves a record imported on its own, a publish and a re-import of a record to the field view', () => {
    expect(isBatchImport({ action: 'import', before: null, after: { id: 'a', title: 'file' } })).toBe(false);
    expect(isBatchImport({ action: 'publish', before: null, after: summary })).toBe(false);
    expect(isBatchImport({ action: 'import', before: { id: 'a' }, after: summary })).toBe(false);
  });
});

describe('previewRecords', () => {
  const records = Array.from({ length: 30 }, (_, n) => ({
    id: `i.a:observation@2020-${String(n + 1).padStart(2, '0')}`,
    indicatorId: 'i.a',
    value: n,
    note: n === 1 ? 'only here' : undefined,
    source: { line: 3 },
  }));

  it('gives the first records with only the named fields, absent ones left out', () => {
    const preview = previewRecords(columnarRecords(records), ['id', 'indicatorId', 'value', 'text'], 2);
    expect(preview).toEqual([
      { id: 'i.a:observation@2020-01', indicatorId: 'i.a', value: 0 },
      { id: 'i.a:observation@2020-02', indicatorId: 'i.a', value: 1 },
    ]);
  });

  it('gives every record when there are fewer than the limit', () => {
    expect(previewRecords(columnarRecords(records.slice(0, 3)), ['value'], 20)).toEqual([
      { value: 0 },
      { value: 1 },
      { value: 2 },
    ]);
  });
});
