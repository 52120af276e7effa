import { describe, expect, it } from 'vitest';
import { expandColumns } from '../../domain/editing/columnar-records.ts';
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import type { ImportChange } from './import-change.ts';
import { batchImportJson } from './import-revisions.ts';

const change = (id: string, action: 'create' | 'update', line: number): ImportChange => ({
  entity: 'indicatorValue',
  id,
  planId: 'p',
  action,
  before: null,
  changedFields: [],
  after: {
    id,
    indicatorId: 'i.a',
    role: 'observation',
    position: 0,
    value: 12,
    date: '2020-01',
    qualifier: null,
    outOf: null,
    rankOf: null,
    text: '12件',
    source: { line, documentId: 'komoro-pride-vol5' },
  },
});

describe('the batched import revision', () => {
  const counts = { created: 1, updated: 1, unchanged: 3, rejected: 0 };
  const json = batchImportJson('a.csv', counts, [change('b', 'create', 4), change('a', 'update', 7)]);

  it('is canonical JSON already, so the history can hash the text it stores', () => {
    expect(canonicalJson(JSON.parse(json))).toBe(json);
  });

  it('holds every created and updated record in columns', () => {
    const summary = JSON.parse(json);
    expect(summary.counts).toEqual(counts);
    expect(expandColumns(summary.created.indicatorValue)).toEqual([
      { ...change('b', 'create', 4).after, outOf: undefined, qualifier: undefined, rankOf: undefined },
    ]);
    expect(expandColumns(summary.updated.indicatorValue)[0]).toMatchObject({ id: 'a', source: { line: 7 } });
  });
});
