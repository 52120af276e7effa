/**
 * Opens DATABASE_URL and brings its schema up to date, as every command that touches data needs. Seeding the demo
 * is in seed-if-empty.ts, so that commands which only open the database do not load YAML and the dataset writer.
 */
import { type DatabaseHandle, openDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { CliIo } from './command.ts';
import { readSettings } from './config/index.ts';

// An unreachable PostgreSQL fails a query (and /readyz) after this long instead of the TCP timeout's minutes.
const connectTimeoutMs = 5_000;

/** DATABASE_URL, opened; a PostgreSQL connection attempt gives up after a few seconds. */
export function openConfiguredDatabase(io: CliIo): DatabaseHandle {
  return openDatabase(readSettings(io.env).databaseUrl, {
    pool: { connectionTimeoutMillis: connectTimeoutMs },
  });
}

/** The migrated database, or undefined after printing why it could not be opened. */
export async function openMigratedDatabase(io: CliIo): Promise<DatabaseHandle | undefined> {
  const handle = openConfiguredDatabase(io);
  const migrated = await migrateToLatest(handle.db);
  if (migrated.ok) return handle;
  io.err(`マイグレーションに失敗しました (migration failed): ${String(migrated.error)}`);
  await handle.close();
  return undefined;
}
