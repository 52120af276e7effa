/**
 * Backup and restore of a SQLite database with SQLite's online backup API (better-sqlite3's `db.backup()`): the
 * copy is one consistent snapshot even while the server is writing, which copying the file (without its WAL) is not.
 */
import { existsSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import type { ChainHead } from '../../domain/editing/hash-chain.ts';

/** Tables only a Mieruka database has, from its first migrations. */
const mierukaTables = ['kysely_migration', 'plan', 'node', 'revision', 'revision_head', 'user_account'];

export type BackupCheck =
  | { ok: true; revisions: number; head: ChainHead; migrations: string[] }
  | { ok: false; error: string };

export interface SqliteBackupResult {
  bytes: number;
  milliseconds: number;
  pages: number;
}

/**
 * Copies the live database at `source` to `target` as one snapshot, e.g. `await backupSqlite('data/mieruka.sqlite', 'b.sqlite')`.
 * Each step after the first copies every remaining page, so writes between steps restart the copy at most once.
 */
export async function backupSqlite(source: string, target: string): Promise<SqliteBackupResult> {
  const started = performance.now();
  const database = new SqliteDatabase(source, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    const done = await database.backup(target, { progress: ({ totalPages }) => totalPages });
    return {
      bytes: statSync(target).size,
      milliseconds: Math.round(performance.now() - started),
      pages: done.totalPages,
    };
  } finally {
    database.close();
  }
}

function tableNames(database: SqliteDatabase.Database): Set<string> {
  const rows = database.prepare("select name from sqlite_master where type = 'table'").all() as {
    name: string;
  }[];
  return new Set(rows.map((r) => r.name));
}

/**
 * Whether `file` is an intact Mieruka database: SQLite's integrity check passes and it has Mieruka's tables.
 * @example checkSqliteBackup('b.sqlite') // { ok: true, revisions: 287, migrations: ['2026-11-21-01-…', …] }
 */
export function checkSqliteBackup(file: string): BackupCheck {
  if (!existsSync(file)) return { ok: false, error: `ファイルがありません (no such file): ${file}` };
  let database: SqliteDatabase.Database | undefined;
  try {
    database = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const integrity = database.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      return { ok: false, error: `${file} は壊れています (integrity check failed): ${String(integrity)}` };
    const tables = tableNames(database);
    const missing = mierukaTables.filter((t) => !tables.has(t));
    if (missing.length > 0)
      return {
        ok: false,
        error: `${file} は Mieruka のデータベースではありません (not a Mieruka database: no table ${missing.join(', ')})`,
      };
    const migrations = (
      database.prepare('select name from kysely_migration order by name').all() as { name: string }[]
    ).map((r) => r.name);
    const { revisions } = database.prepare('select count(*) as revisions from revision').get() as {
      revisions: number;
    };
    const head = database.prepare('select seq, hash from revision_head where id = 1').get() as
      | ChainHead
      | undefined;
    return { ok: true, revisions, head: head ?? { seq: 0, hash: '0'.repeat(64) }, migrations };
  } catch (error) {
    return {
      ok: false,
      error: `${file} は SQLite のデータベースとして読めません (cannot read as a SQLite database): ${(error as Error).message}`,
    };
  } finally {
    database?.close();
  }
}

export type RestoreTargetState =
  | { state: 'absent' | 'empty' }
  | { state: 'in-use' | 'not-empty'; reason: string };

// Another connection holds the file when a write lock cannot be had at once, or its WAL still has frames.
function inUse(database: SqliteDatabase.Database, path: string): string | undefined {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0)
    return `書き込み途中のログ ${wal} があります (the write-ahead log ${wal} is not empty)`;
  try {
    database.exec('begin immediate');
    database.exec('rollback');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * What restoring over `path` would replace: nothing, an empty database, one with data, or one in use.
 * @example restoreTargetState('data/mieruka.sqlite') // { state: 'not-empty', reason: '3 plans, 287 revisions' }
 */
export function restoreTargetState(path: string): RestoreTargetState {
  if (!existsSync(path) || statSync(path).size === 0) return { state: 'absent' };
  let database: SqliteDatabase.Database;
  try {
    database = new SqliteDatabase(path, { fileMustExist: true });
    database.pragma('schema_version');
  } catch (error) {
    return {
      state: 'not-empty',
      reason: `SQLite として読めないファイルです (not a SQLite database: ${(error as Error).message})`,
    };
  }
  try {
    database.pragma('busy_timeout = 0');
    const busy = inUse(database, path);
    if (busy !== undefined) return { state: 'in-use', reason: busy };
    const tables = tableNames(database);
    const count = (table: string) =>
      tables.has(table)
        ? (database.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n
        : 0;
    const plans = count('plan');
    const revisions = count('revision');
    const users = count('user_account');
    if (plans + revisions + users === 0) return { state: 'empty' };
    return { state: 'not-empty', reason: `${plans} plans, ${revisions} revisions, ${users} users` };
  } finally {
    database.close();
  }
}

/**
 * Replaces the database at `target` with the backup `file`, page by page through the backup API, so a connection
 * still open on `target` sees either the old database or the restored one. Check both first (checkSqliteBackup,
 * restoreTargetState).
 */
export async function restoreSqlite(file: string, target: string): Promise<SqliteBackupResult> {
  const started = performance.now();
  const backup = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const done = await backup.backup(target, { progress: ({ totalPages }) => totalPages });
    return {
      bytes: statSync(target).size,
      milliseconds: Math.round(performance.now() - started),
      pages: done.totalPages,
    };
  } finally {
    backup.close();
  }
}
