import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import { changedFields } from './record-change.ts';

// The definition the fast comparison must keep: fields whose canonical JSON differs, absent reading as null.
const byJson = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => canonicalJson(before[key] ?? null) !== canonicalJson(after[key] ?? null))
    .sort();

// Small domains, so before and after often agree and every near miss (a key present or absent, null or undefined,
// equal words in another object) comes up.
const plain = fc.constantFrom('a', 1, null, undefined);
const flatSource = fc.record(
  { documentId: fc.constant('d'), line: fc.constantFrom(3, 4, undefined, null), quote: plain },
  { requiredKeys: [] },
);
const deepSource = fc.record({ documentId: fc.constant('d'), nested: fc.array(plain, { maxLength: 2 }) });
const record = fc.record(
  { id: plain, value: plain, source: fc.oneof(flatSource, flatSource, deepSource, fc.constant(undefined)) },
  { requiredKeys: [] },
);

describe('changedFields', () => {
  it('names exactly the fields whose canonical JSON differs', () => {
    fc.assert(
      fc.property(record, record, (before, after) => {
        expect(changedFields(before, after)).toEqual(byJson(before, after));
      }),
      { numRuns: 2000 },
    );
  });

  it('sees a changed source line, and not a source rebuilt with the same words', () => {
    const before = { id: 'v', value: 1, source: { documentId: 'd', line: 3 } };
    expect(changedFields(before, { ...before, source: { documentId: 'd', line: 3 } })).toEqual([]);
    expect(changedFields(before, { ...before, source: { documentId: 'd', line: 4 } })).toEqual(['source']);
    expect(changedFields(before, { ...before, value: 2, text: undefined })).toEqual(['value']);
    expect(changedFields({ source: { documentId: 'd' } }, { source: { documentId: 'd', line: 3 } })).toEqual([
      'source',
    ]);
  });
});
