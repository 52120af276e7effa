/** SQLite writers that wait their turn: two connections to one file, as two processes would hold. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseBusyError } from './database-busy.ts';
import { type DatabaseHandle, openDatabase } from './db.ts';

describe('SQLite writes under another writer', () => {
  let dir: string;
  let file: string;
  let other: SqliteDatabase.Database;
  let handle: DatabaseHandle | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-write-wait-'));
    file = join(dir, 'wait.sqlite');
    other = new SqliteDatabase(file);
    other.pragma('journal_mode = WAL');
    other.exec('create table counter (n integer not null); insert into counter values (0);');
  });
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    other.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Holds the write lock from the other connection for `ms`, writing as it goes. */
  function holdLock(ms: number): Promise<void> {
    other.exec('begin immediate; update counter set n = n + 100;');
    return new Promise((resolve) =>
      setTimeout(() => {
        other.exec('commit');
        resolve();
      }, ms),
    );
  }

  const readThenWrite = (db: DatabaseHandle['db']) =>
    db.transaction().execute(async (trx) => {
      // A read first: with a deferred `begin` the write below could not wait and failed with SQLITE_BUSY.
      const before = await sql<{ n: number }>`select n from counter`.execute(trx);
      await sql`update counter set n = ${(before.rows[0]?.n ?? 0) + 1}`.execute(trx);
    });

  it('waits for the lock, keeps the event loop free meanwhile, and loses no update', async () => {
    handle = openDatabase(file, { writeWaitSeconds: 5 });
    const released = holdLock(400);
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 20);
    const started = Date.now();
    await Promise.all([readThenWrite(handle.db), readThenWrite(handle.db), released]);
    clearInterval(ticker);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(other.prepare('select n from counter').get()).toEqual({ n: 102 });
  });

  it('waits in a statement outside any transaction too', async () => {
    handle = openDatabase(file, { writeWaitSeconds: 5 });
    const released = holdLock(300);
    await sql`update counter set n = n + 1`.execute(handle.db);
    await released;
    expect(other.prepare('select n from counter').get()).toEqual({ n: 101 });
  });

  it('gives up after the wait with a DatabaseBusyError in Japanese and English, having written nothing', async () => {
    handle = openDatabase(file, { writeWaitSeconds: 0.3 });
    const released = holdLock(1_500);
    const started = Date.now();
    const failure = await readThenWrite(handle.db).catch((error: unknown) => error);
    const waited = Date.now() - started;
    await released;
    expect(failure).toBeInstanceOf(DatabaseBusyError);
    expect((failure as Error).message).toMatch(
      /別の処理がデータベースに書き込み中です.*\(another process is writing/,
    );
    expect(waited).toBeGreaterThanOrEqual(280);
    expect(waited).toBeLessThan(1_400);
    expect(other.prepare('select n from counter').get()).toEqual({ n: 100 });
    // The connection is usable again once the lock is free.
    await readThenWrite(handle.db);
    expect(other.prepare('select n from counter').get()).toEqual({ n: 101 });
  });
});
