/** Opens DATABASE_URL and brings its schema up to date, as every command that touches data needs. */
import { type DatabaseHandle, openDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { isEmpty, seedDemo } from '../store/seed.ts';
import type { CliIo } from './command.ts';

/** The migrated database, or undefined after printing why it could not be opened. */
export async function openMigratedDatabase(io: CliIo): Promise<DatabaseHandle | undefined> {
  const handle = openDatabase(io.env.DATABASE_URL);
  const migrated = await migrateToLatest(handle.db);
  if (migrated.ok) return handle;
  io.err(`マイグレーションに失敗しました (migration failed): ${String(migrated.error)}`);
  await handle.close();
  return undefined;
}

/** Loads the Komoro demo into an empty database, as `serve` and `build-static` do on first use. */
export async function seedDemoIfEmpty(handle: DatabaseHandle, io: CliIo): Promise<void> {
  if (!(await isEmpty(handle.db))) return;
  const doc = await seedDemo(handle.db);
  io.out(`デモデータを保存しました (seeded the demo): ${doc.organization.name}`);
}
