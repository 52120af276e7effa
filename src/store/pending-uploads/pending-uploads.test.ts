import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { createAccountStore } from '../accounts/index.ts';
import { tokenHash } from '../accounts/secret-token.ts';
import type { DatabaseHandle } from '../db.ts';
import { createPendingUploadStore, type PendingUploadStore } from './index.ts';
import { withPendingUploadTables } from './tables.ts';

describe.each(testDatabases)('pending uploads on $name', (database) => {
  let handle: DatabaseHandle;
  let clock: Date;
  let uploads: PendingUploadStore;
  let alice: string;
  let bob: string;
  const bytes = new TextEncoder().encode('indicatorId,date,value\n');
  const upload = (userId: string, fileName = 'a.csv') => ({
    userId,
    fileName,
    bytes,
    options: '{"sheet":"S"}',
  });
  const rows = () => withPendingUploadTables(handle.db).selectFrom('pending_upload').selectAll().execute();

  beforeEach(async () => {
    handle = await database.open();
    clock = new Date('2026-12-04T09:00:00Z');
    const accounts = createAccountStore(handle.db);
    const add = async (login: string) => {
      const added = await accounts.addUser({ login, password: 'komoro-password-1', role: 'editor' });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      return added.value.id;
    };
    alice = await add('alice');
    bob = await add('bob');
    uploads = createPendingUploadStore(handle.db, { now: () => clock, maxBytes: 64 });
  });
  afterEach(() => handle.close());

  it('gives the bytes back once, only to their uploader, and stores only the token hash', async () => {
    const kept = await uploads.keep(upload(alice));
    if (!kept.ok) throw new Error('not kept');
    const [row] = await rows();
    expect(row?.token_hash).toBe(tokenHash(kept.token));
    expect(JSON.stringify(await rows())).not.toContain(kept.token);
    expect(await uploads.take(kept.token, bob)).toBeUndefined();
    const taken = await uploads.take(kept.token, alice);
    expect(taken).toMatchObject({
      userId: alice,
      fileName: 'a.csv',
      options: '{"sheet":"S"}',
      sha256: kept.sha256,
    });
    expect(new TextDecoder().decode(taken?.bytes)).toBe('indicatorId,date,value\n');
    expect(await uploads.take(kept.token, alice)).toBeUndefined();
    expect(await rows()).toEqual([]);
  });

  it('answers nothing after 30 minutes and purges the expired rows', async () => {
    const kept = await uploads.keep(upload(alice));
    if (!kept.ok) throw new Error('not kept');
    clock = new Date(clock.getTime() + 30 * 60_000);
    expect(await uploads.take(kept.token, alice)).toBeUndefined();
    expect(await rows()).toEqual([]);
  });

  it('keeps three uploads per user, dropping the oldest, and leaves other users’ alone', async () => {
    const tokens: string[] = [];
    await uploads.keep(upload(bob, 'bob.csv'));
    for (const name of ['1.csv', '2.csv', '3.csv', '4.csv']) {
      clock = new Date(clock.getTime() + 1000);
      const kept = await uploads.keep(upload(alice, name));
      if (kept.ok) tokens.push(kept.token);
    }
    expect((await rows()).map((r) => r.file_name).sort()).toEqual(['2.csv', '3.csv', '4.csv', 'bob.csv']);
    expect(await uploads.take(tokens[0]!, alice)).toBeUndefined();
    expect((await uploads.take(tokens[3]!, alice))?.fileName).toBe('4.csv');
  });

  it('refuses an upload over the size cap and keeps nothing', async () => {
    const outcome = await uploads.keep({ ...upload(alice), bytes: new Uint8Array(65) });
    expect(outcome).toEqual({ ok: false, error: 'too-large', maxBytes: 64 });
    expect(await rows()).toEqual([]);
  });

  it('lets only one of two racing takes have the upload', async () => {
    const kept = await uploads.keep(upload(alice));
    if (!kept.ok) throw new Error('not kept');
    const other = createPendingUploadStore(handle.db, { now: () => clock });
    const both = await Promise.all([uploads.take(kept.token, alice), other.take(kept.token, alice)]);
    expect(both.filter((u) => u !== undefined)).toHaveLength(1);
  });
});
