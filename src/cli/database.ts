/**
 * Opens DATABASE_URL and brings its schema up to date, as every command that touches data needs. Seeding the demo
 * is in seed-if-empty.ts, so that commands which only open the database do not load YAML and the dataset writer.
 */
import { isDatabaseBusy } from '../store/database-busy.ts';
import { type DatabaseHandle, openDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { CliIo } from './command.ts';
import { readSettings } from './config/index.ts';

// An unreachable PostgreSQL fails a query (and /readyz) after this long instead of the TCP timeout's minutes.
const connectTimeoutMs = 5_000;

/**
 * DATABASE_URL, opened; a PostgreSQL connection attempt gives up after a few seconds, a SQLite write waits
 * MIERUKA_WRITE_WAIT_SECONDS for another process's lock.
 */
export function openConfiguredDatabase(io: CliIo): DatabaseHandle {
  const { databaseUrl, writeWaitSeconds } = readSettings(io.env);
  return openDatabase(databaseUrl, { pool: { connectionTimeoutMillis: connectTimeoutMs }, writeWaitSeconds });
}

/**
 * The read replica of DATABASE_READ_URL, or undefined when none is set. Never migrated: a replica follows its
 * writer's schema, and /readyz answers 503 until it has caught up with every migration.
 */
export function openConfiguredReplica(io: CliIo): DatabaseHandle | undefined {
  const { databaseReadUrl } = readSettings(io.env);
  if (databaseReadUrl === undefined) return undefined;
  return openDatabase(databaseReadUrl, { pool: { connectionTimeoutMillis: connectTimeoutMs } });
}

/** The migrated database, or undefined after printing why it could not be opened. */
export async function openMigratedDatabase(io: CliIo): Promise<DatabaseHandle | undefined> {
  const handle = openConfiguredDatabase(io);
  const migrated = await migrateToLatest(handle.db);
  if (migrated.ok) return handle;
  await handle.close();
  // Another process writing is "try again later" (runCli's exit 75), not a failed migration.
  if (isDatabaseBusy(migrated.error)) throw migrated.error;
  io.err(`マイグレーションに失敗しました (migration failed): ${String(migrated.error)}`);
  return undefined;
}
