import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import { batchImportJson } from './import-revisions.ts';
import type { RecordChange } from './record-change.ts';

const change = (id: string, action: 'create' | 'update', line: number): RecordChange => ({
  place: { file: 'a.csv', row: 2 },
  entity: 'observation',
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

  it('holds every record in columns, with a digest of created then updated', () => {
    const summary = JSON.parse(json);
    expect(summary.counts).toEqual(counts);
    expect(summary.created.observation.columns).toContain('source.line');
    const at = summary.created.observation.columns.indexOf('source.line');
    expect(JSON.parse(summary.created.observation.rows)[at]).toBe(4);
    expect(JSON.parse(summary.updated.observation.rows)[at]).toBe(7);
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
