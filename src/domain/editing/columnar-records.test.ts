import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import {
  columnarJson,
  columnarRecords,
  decodeColumn,
  encodeColumn,
  expandColumns,
} from './columnar-records.ts';

// Few distinct values, so runs and shared prefixes really occur; surrogate pairs test the prefix cut.
const cell = fc.oneof(
  fc.constantFrom('i.a:observation@2020-01', 'i.a:observation@2020-02', 'i.b', '𠮷野家', '𠮷田', '', 'x'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);

const record = fc.record(
  {
    id: fc.string({ maxLength: 4 }),
    value: cell,
    text: fc.option(cell, { nil: undefined }),
    // A source always names its document, as the model requires; an empty nested object would not come back.
    source: fc.option(
      fc.record(
        { documentId: fc.string({ minLength: 1 }), line: cell, quote: cell },
        { requiredKeys: ['documentId'] },
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: ['id'] },
);

// What JSON keeps of a record once null means absent.
const withoutNulls = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_, v) => (v === null ? undefined : v)));

describe('compact columns of records', () => {
  it('give back every column value in order, in whichever form they chose', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (values) => {
        expect(decodeColumn(encodeColumn(values), values.length)).toEqual(values);
      }),
    );
  });

  it('give back the records, nested fields nested again', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        const columns = columnarRecords(records);
        expect(expandColumns(columns)).toEqual(records.map(withoutNulls));
        // The history hashes this JSON as it is: it must already be canonical.
        expect(canonicalJson(columns)).toBe(JSON.stringify(columns));
      }),
    );
  });

  it('serialise, column by column, to exactly the text JSON.stringify gives', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        const columns = columnarRecords(records);
        expect(columnarJson(columns)).toBe(JSON.stringify(columns));
      }),
    );
    // ASCII ids and dates beside Japanese text, the mix the whole-document stringify was slow on.
    const mixed = columnarRecords([
      { id: 'i.a:observation@2020-01', text: '12件', source: { quote: '𠮷野家の実績' } },
      { id: 'i.a:observation@2020-02', text: '13件', value: 1.5 },
    ]);
    expect(columnarJson(mixed)).toBe(JSON.stringify(mixed));
    expect(columnarJson(columnarRecords([]))).toBe('{"columns":{},"count":0}');
  });

  it('write a value shared by every record once, repeated runs as pairs, and ids by their new endings', () => {
    const ids = ['i.a:observation@2020-01', 'i.a:observation@2020-02', 'i.a:observation@2020-03'];
    const { columns } = columnarRecords(
      ids.map((id, n) => ({ id, role: 'observation', indicatorId: n < 2 ? 'i.a' : 'i.b', value: n })),
    );
    expect(columns.role).toEqual({ same: 'observation' });
    expect(columns.id).toEqual({ prefixed: [0, ids[0], 22, '2', 22, '3'] });
    expect(columns.value).toEqual({ values: [0, 1, 2] });
    const runs = encodeColumn([...'aaaaabbbbbbc']);
    expect(runs).toEqual({ runs: ['a', 5, 'b', 6, 'c', 1] });
  });

  it('front code a column only when every value is a string and the coding saves a third of the text', () => {
    const ids = ['i.a:observation@2020-01', 'i.a:observation@2020-02', 'i.a:observation@2020-03'];
    // A number after strings that share long beginnings: the coding started is dropped, the values kept.
    expect(encodeColumn([...ids, 4])).toEqual({ values: [...ids, 4] });
    expect(encodeColumn([4, ...ids])).toEqual({ values: [4, ...ids] });
    // Printed figures share a character or two: not worth it.
    const texts = ['1件', '501件', '1001件', '1501件'];
    expect(encodeColumn(texts)).toEqual({ values: texts });
    expect(encodeColumn(['ab', 'ac', 'ad', 'ae'])).toEqual({ values: ['ab', 'ac', 'ad', 'ae'] });
    const long = ['abcdefghijk1', 'abcdefghijk2', 'abcdefghijk3', 'abcdefghijk4'];
    expect(encodeColumn(long)).toEqual({ prefixed: [0, long[0], 11, '2', 11, '3', 11, '4'] });
  });
});
