/**
 * "Another process holds the write lock, and did not let go in time": the one error every layer can recognise,
 * whatever the database said. The web answers it with 503 and Retry-After, the command line with a plain sentence.
 */

/** Thrown when a write waited `waitedSeconds` for SQLite's write lock and still could not take it. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly waitedSeconds: number,
    options?: ErrorOptions,
  ) {
    super(
      `別の処理がデータベースに書き込み中です。${waitedSeconds}秒待ちましたが終わりませんでした。しばらくしてからやり直してください ` +
        `(another process is writing to the database; waited ${waitedSeconds} s, please try again shortly)`,
      options,
    );
    this.name = 'DatabaseBusyError';
  }
}

// SQLite: the lock is held (BUSY, with its extended codes such as SQLITE_BUSY_SNAPSHOT) or a table is locked.
const sqliteBusy = /^SQLITE_(BUSY|LOCKED)/;
// PostgreSQL: serialization_failure, deadlock_detected, lock_not_available: each is "try again", not a bug.
const postgresBusy = new Set(['40001', '40P01', '55P03']);

const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;

/** Whether SQLite refused a statement because another connection holds the lock. */
export function isSqliteBusy(error: unknown): boolean {
  return sqliteBusy.test(codeOf(error) ?? '');
}

/**
 * Whether `error` (or an error it wraps as its cause) means the database was busy with another writer, so the
 * same request may succeed a moment later.
 * @example isDatabaseBusy(new DatabaseBusyError(5)) // true
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 8; depth += 1) {
    if (e instanceof DatabaseBusyError || isSqliteBusy(e)) return true;
    const code = codeOf(e);
    if (code !== undefined && postgresBusy.has(code)) return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}
