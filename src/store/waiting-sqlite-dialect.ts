/**
 * Kysely's SQLite dialect with writers that wait their turn. Kysely begins transactions with a plain (deferred)
 * `begin`: a transaction that reads and then writes while another process writes fails at once with
 * SQLITE_BUSY, since SQLite cannot wait on an upgrade without risking a deadlock. Here transactions take the write
 * lock up front (`begin immediate`), and a statement that finds the database locked outside a transaction is
 * tried again, for up to `waitMs` in all, before a DatabaseBusyError.
 *
 * The wait is asynchronous (better-sqlite3's own busy timeout would sleep on the event loop, stopping every other
 * request of the server while an import holds the lock).
 */
import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import { DatabaseBusyError, isSqliteBusy } from './database-busy.ts';

const firstPauseMs = 2;
const longestPauseMs = 50;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `run` until SQLite stops answering SQLITE_BUSY, or `waitMs` has passed. */
async function whenUnlocked<T>(run: () => Promise<T>, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = firstPauseMs; ; pause = Math.min(pause * 2, longestPauseMs)) {
    try {
      return await run();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new DatabaseBusyError(Math.round(waitMs / 100) / 10, { cause: error });
      await sleep(Math.min(pause, left));
    }
  }
}

/** A connection whose statements outside a transaction (and whose `begin immediate`) wait for the lock. */
class WaitingConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly database: SqliteDatabase.Database,
    private readonly waitMs: number,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Inside a transaction begun immediately the lock is ours: a busy answer there is a real failure.
    if (this.database.inTransaction) return this.inner.executeQuery(query);
    return whenUnlocked(() => this.inner.executeQuery(query), this.waitMs);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery(query, chunkSize);
  }
}

class WaitingSqliteDriver extends SqliteDriver {
  #connection: WaitingConnection | undefined;

  constructor(
    private readonly database: SqliteDatabase.Database,
    private readonly waitMs: number,
  ) {
    super({ database });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    this.#connection ??= new WaitingConnection(await super.acquireConnection(), this.database, this.waitMs);
    return this.#connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class WaitingSqliteDialect extends SqliteDialect {
  constructor(
    private readonly database: SqliteDatabase.Database,
    private readonly waitMs: number,
  ) {
    super({ database });
  }

  override createDriver(): Driver {
    return new WaitingSqliteDriver(this.database, this.waitMs);
  }
}
