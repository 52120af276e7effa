import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  checkLink,
  genesisHash,
  type HashedRevisionFields,
  revisionHash,
} from './hash-chain.ts';

function revision(seq: number, prevHash: string, after: unknown = { title: `t${seq}` }) {
  const fields: HashedRevisionFields = {
    seq,
    entity: 'node',
    entityId: 'n1',
    planId: 'p1',
    action: 'update',
    actor: 'admin',
    at: '2026-11-21T00:00:00.000Z',
    reason: null,
    before: null,
    after,
    published: false,
    prevHash,
  };
  return { ...fields, hash: revisionHash(fields) };
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], u: undefined })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('gives the same text for objects built in different orders', () => {
    expect(canonicalJson({ x: { p: 1, q: 2 }, y: 0 })).toBe(canonicalJson({ y: 0, x: { q: 2, p: 1 } }));
  });
});

describe('checkLink', () => {
  const first = revision(1, genesisHash);
  const second = revision(2, first.hash);

  it('accepts a chain that starts at 64 zeros', () => {
    expect(checkLink(first, undefined)).toEqual({ ok: true });
    expect(checkLink(second, first)).toEqual({ ok: true });
  });

  it('rejects changed contents', () => {
    const verdict = checkLink({ ...second, after: { title: 'changed' } }, first);
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining('contents') });
  });

  it('rejects a wrong previous hash and a gap in the sequence', () => {
    expect(checkLink(revision(2, genesisHash), first)).toMatchObject({ ok: false });
    expect(checkLink(revision(3, first.hash), first)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('seq'),
    });
  });

  it('changes the hash when any covered field changes', () => {
    const base = revision(1, genesisHash);
    for (const change of [{ actor: 'x' }, { reason: 'r' }, { published: true }, { before: 1 }, { seq: 9 }]) {
      const { hash: _hash, ...fields } = { ...base, ...change };
      expect(revisionHash(fields)).not.toBe(base.hash);
    }
  });
});
