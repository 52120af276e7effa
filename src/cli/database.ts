/**
 * Opens DATABASE_URL and brings its schema up to date, as every command that touches data needs. Seeding the demo
 * is in seed-if-empty.ts, so that commands which only open the database do not load YAML and the dataset writer.
 */
import { isDatabaseBusy } from '../store/database-busy.ts';
import { type DatabaseHandle, openDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { CliIo } from './command.ts';
import { writeWaitSecondsFrom } from './write-wait.ts';

/** The migrated database, or undefined after printing why it could not be opened. */
export async function openMigratedDatabase(io: CliIo): Promise<DatabaseHandle | undefined> {
  const handle = openDatabase(io.env.DATABASE_URL, { writeWaitSeconds: writeWaitSecondsFrom(io.env) });
  const migrated = await migrateToLatest(handle.db);
  if (migrated.ok) return handle;
  await handle.close();
  // Another process writing is "try again later" (runCli's exit 75), not a failed migration.
  if (isDatabaseBusy(migrated.error)) throw migrated.error;
  io.err(`マイグレーションに失敗しました (migration failed): ${String(migrated.error)}`);
  return undefined;
}
