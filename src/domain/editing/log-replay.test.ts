import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './hash-chain.ts';
import {
  comparable,
  compareWithTables,
  describeDiscrepancy,
  type LoggedRecord,
  replayLog,
  type StoredRecord,
} from './log-replay.ts';

const node = (title: string, seq: number): LoggedRecord => ({
  entity: 'node',
  id: 'komoro.p1',
  record: { id: 'komoro.p1', title, source: { documentId: 'keikaku', line: 3 } },
  seq,
});
const stored = (record: Record<string, unknown>, sourceIds = {}): StoredRecord => ({
  entity: 'node',
  id: 'komoro.p1',
  record,
  sourceIds,
});

describe('replaying the published log', () => {
  it('keeps the last revision of each record', () => {
    const log = replayLog([node('子育て', 1), node('子育て支援', 4)]);
    expect(log.get('node/komoro.p1')).toMatchObject({ seq: 4, record: { title: '子育て支援' } });
  });

  it('treats a null field like an absent one, at every depth', () => {
    expect(comparable({ a: null, b: { c: undefined }, d: [1, null], e: 0 })).toEqual({ d: [1, null], e: 0 });
  });
});

describe('comparing with the tables', () => {
  const log = replayLog([node('子育て支援', 4)]);

  it('finds nothing when the tables hold what the log says', () => {
    const same = stored({
      id: 'komoro.p1',
      title: '子育て支援',
      note: null,
      source: { documentId: 'keikaku', line: 3 },
    });
    expect(compareWithTables(log, [same], ['node'])).toEqual([]);
  });

  it('names an edited record with the revision it differs from and its fields', () => {
    const edited = stored({ id: 'komoro.p1', title: '書き換え', source: { documentId: 'keikaku', line: 3 } });
    expect(compareWithTables(log, [edited], ['node'])).toEqual([
      { kind: 'edited', entity: 'node', id: 'komoro.p1', seq: 4, fields: ['title'] },
    ]);
  });

  it('names a record the log holds but the tables lost, and one the log never recorded', () => {
    const stranger: StoredRecord = { entity: 'node', id: 'x', record: { id: 'x' }, sourceIds: {} };
    const found = compareWithTables(log, [stranger], ['node']);
    expect(found).toEqual([
      { kind: 'added', entity: 'node', id: 'x' },
      { kind: 'deleted', entity: 'node', id: 'komoro.p1', seq: 4 },
    ]);
    expect(found.map(describeDiscrepancy)).toEqual([
      "node x: 公開テーブルにあるのに変更履歴にありません (added behind the log's back: no revision records it)",
      "node komoro.p1: 変更履歴 (seq 4) にあるのに公開テーブルにありません (deleted behind the log's back: the log's seq 4 says it exists)",
    ]);
  });

  it('names a record still stored after the log deleted it', () => {
    const deleted = replayLog([
      node('子育て支援', 4),
      { entity: 'node', id: 'komoro.p1', record: null, seq: 9 },
    ]);
    const kept = stored({ id: 'komoro.p1', title: '子育て支援' });
    expect(compareWithTables(deleted, [kept], ['node'])).toEqual([
      { kind: 'added', entity: 'node', id: 'komoro.p1', seq: 9 },
    ]);
  });

  it('expects a source row corrected by a later source revision', () => {
    const corrected = replayLog([
      node('子育て支援', 4),
      { entity: 'source', id: 's1', record: { id: 's1', documentId: 'keikaku', line: 5 }, seq: 6 },
    ]);
    const row = stored(
      { id: 'komoro.p1', title: '子育て支援', source: { documentId: 'keikaku', line: 5 } },
      { source: 's1' },
    );
    expect(compareWithTables(corrected, [row], ['node'])).toEqual([]);
    const stale = stored(
      { id: 'komoro.p1', title: '子育て支援', source: { documentId: 'keikaku', line: 3 } },
      { source: 's1' },
    );
    expect(compareWithTables(corrected, [stale], ['node'])).toMatchObject([
      { kind: 'edited', fields: ['source'] },
    ]);
  });
});

describe('comparing without writing JSON', () => {
  const edited = (found: ReturnType<typeof compareWithTables>) => found.length > 0;
  const compareOne = (logged: unknown, stored: unknown) =>
    compareWithTables(
      new Map([['node/n', { entity: 'node', id: 'n', record: { field: logged }, seq: 1 }]]),
      [{ entity: 'node', id: 'n', record: { field: stored } as Record<string, unknown>, sourceIds: {} }],
      ['node'],
    );
  const asText = (value: unknown) => canonicalJson(comparable({ value }));
  // Values as records hold them: JSON of any shape, with nulls, empty objects and keys in any order.
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.integer({ min: -3, max: 3 }),
      fc.double(),
      fc.constantFrom('', 'a', '1'),
    ),
    node: fc.oneof(
      { depthSize: 'small' },
      tie('leaf'),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
    ),
  })).node;

  it('finds a record edited exactly when the canonical texts of the comparable values differ', () => {
    fc.assert(
      fc.property(value, value, (logged, stored) => {
        expect(edited(compareOne(logged, stored))).toBe(asText(logged) !== asText(stored));
        expect(edited(compareOne(logged, structuredClone(logged)))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
