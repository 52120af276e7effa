import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import type { DatabaseHandle } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { appendRevision, appendSerialisedRevision, listRevisionsOf, verifyChain } from './revisions.ts';

const base = {
  entity: 'plan',
  entityId: 'p',
  planId: 'p',
  action: 'import' as const,
  actor: 'importer',
  reason: '取り込み (import): a.csv',
  before: null,
  published: true,
};
const after = { rows: 'x\n"y"', counts: { updated: 0, created: 2 }, file: 'a.csv' };

describe.each(testDatabases)('a pre-serialised revision on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
  });
  afterEach(() => handle.close());

  it('stores the text as given, links into the chain and hashes as the object form would', async () => {
    const first = await handle.db.transaction().execute((trx) => appendRevision(trx, { ...base, after }));
    const appended = await handle.db
      .transaction()
      .execute((trx) => appendSerialisedRevision(trx, { ...base, afterJson: canonicalJson(after) }));
    expect(appended.seq).toBe(first.seq + 1);
    const [, stored] = await listRevisionsOf(handle.db, 'plan', 'p');
    expect(stored).toMatchObject({ seq: appended.seq, prevHash: first.hash, hash: appended.hash, after });
    expect(await verifyChain(handle.db)).toEqual({ ok: true, count: 2 });
    // Ordinary appends carry on from the serialised one's head.
    const third = await handle.db.transaction().execute((trx) => appendRevision(trx, { ...base, after }));
    expect(third.prevHash).toBe(appended.hash);
    expect(await verifyChain(handle.db)).toEqual({ ok: true, count: 3 });
  });

  it('breaks the chain when the stored text is not canonical, so a caller cannot skip the rule unnoticed', async () => {
    await handle.db
      .transaction()
      .execute((trx) => appendSerialisedRevision(trx, { ...base, afterJson: JSON.stringify(after) }));
    expect(await verifyChain(handle.db)).toMatchObject({ ok: false, brokenAt: 1 });
  });
});
