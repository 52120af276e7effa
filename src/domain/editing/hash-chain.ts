/**
 * The history's hash chain: each revision's hash covers all its fields and the previous revision's hash,
 * so changing or removing any stored revision breaks every link after it.
 */
import { createHash } from 'node:crypto';

/** The prev_hash of the first revision. */
export const genesisHash = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, so the same value always gives the same text.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/** The fields a revision's hash covers: everything but the hash itself. */
export interface HashedRevisionFields {
  seq: number;
  entity: string;
  entityId: string;
  planId: string | null;
  action: string;
  actor: string;
  at: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  published: boolean;
  prevHash: string;
}

/**
 * SHA-256 (hex) of the canonical JSON of a revision's fields.
 * @example revisionHash({ seq: 1, prevHash: genesisHash, … }) // '3f2a…' (64 hex digits)
 */
export function revisionHash(fields: HashedRevisionFields): string {
  const { seq, entity, entityId, planId, action, actor, at, reason, before, after, published, prevHash } =
    fields;
  const covered = {
    seq,
    entity,
    entityId,
    planId,
    action,
    actor,
    at,
    reason,
    before,
    after,
    published,
    prevHash,
  };
  return createHash('sha256').update(canonicalJson(covered)).digest('hex');
}

/** Where the chain ends: published so that anyone who keeps it can later prove the log was only appended to. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The head as people copy it, `SEQ:HASH`.
 * @example formatChainHead({ seq: 412, hash: 'ab…' }) // '412:ab…'
 */
export const formatChainHead = (head: ChainHead): string => `${head.seq}:${head.hash}`;

/**
 * Reads `SEQ:HASH` back, or undefined when the text is not one.
 * @example parseChainHead('412:' + 'a'.repeat(64)) // { seq: 412, hash: 'aaa…' }
 */
export function parseChainHead(text: string): ChainHead | undefined {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2]! } : undefined;
}

export type LinkVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks one revision against the one before it (undefined for the first).
 * @example checkLink(second, first) // { ok: true }
 */
export function checkLink(
  revision: HashedRevisionFields & { hash: string },
  previous: { seq: number; hash: string } | undefined,
): LinkVerdict {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (revision.seq !== expectedSeq)
    return { ok: false, reason: `連番が飛んでいます (seq ${expectedSeq} missing before ${revision.seq})` };
  const expectedPrev = previous ? previous.hash : genesisHash;
  if (revision.prevHash !== expectedPrev)
    return {
      ok: false,
      reason: '前の変更履歴のハッシュと一致しません (prev_hash does not match the previous revision)',
    };
  if (revisionHash(revision) !== revision.hash)
    return { ok: false, reason: '内容がハッシュと一致しません (contents do not match the hash)' };
  return { ok: true };
}
