import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { genesisHash } from '../../domain/editing/hash-chain.ts';
import type { DatabaseHandle } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import type { RevisionInput } from './contract.ts';
import { appendRevision, listRevisionsOf, verifyChain } from './revisions.ts';

const input = (entityId: string): RevisionInput => ({
  entity: 'node',
  entityId,
  planId: 'p',
  action: 'import',
  actor: 'importer',
  reason: null,
  before: null,
  after: { title: entityId, nested: { b: 2, a: [1, 'x'] } },
  published: true,
});

describe.each(testDatabases)('revision chain on $name', (database) => {
  let handle: DatabaseHandle;

  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
  });
  afterEach(async () => {
    await handle?.close();
  });

  it('starts at seq 1 after 64 zeros and links each revision to the one before', async () => {
    const first = await handle.db.transaction().execute((trx) => appendRevision(trx, input('a')));
    const second = await handle.db.transaction().execute((trx) => appendRevision(trx, input('b')));
    expect(first).toMatchObject({ seq: 1, prevHash: genesisHash });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(await listRevisionsOf(handle.db, 'node', 'a')).toEqual([first]);
    expect(await verifyChain(handle.db)).toEqual({ ok: true, count: 2 });
  });

  it('is empty and valid before anything is recorded', async () => {
    expect(await verifyChain(handle.db)).toEqual({ ok: true, count: 0 });
  });

  it('does not fork when writers append at the same time', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
    await Promise.all(
      ids.map((id) => handle.db.transaction().execute((trx) => appendRevision(trx, input(id)))),
    );
    expect(await verifyChain(handle.db)).toEqual({ ok: true, count: ids.length });
  });

  it('leaves no revision behind when the transaction rolls back', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await appendRevision(trx, input('gone'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await verifyChain(handle.db)).toEqual({ ok: true, count: 0 });
    const next = await handle.db.transaction().execute((trx) => appendRevision(trx, input('kept')));
    expect(next.seq).toBe(1);
  });
});
