/** `mieruka migrate`: brings the database schema up to date. */
import { isDatabaseBusy } from '../store/database-busy.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { type CliIo, UsageError } from './command.ts';
import { openConfiguredDatabase } from './database.ts';

/** Runs `mieruka migrate`, printing each migration applied; resolves with 1 when one fails. */
export async function runMigrate(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0) throw new UsageError(`余分な引数があります (unexpected arguments): ${args.join(' ')}`);
  const handle = openConfiguredDatabase(io);
  try {
    const outcome = await migrateToLatest(handle.db);
    for (const result of outcome.results) io.out(`${result.status}: ${result.migrationName}`);
    if (!outcome.ok) {
      if (isDatabaseBusy(outcome.error)) throw outcome.error;
      io.err(`マイグレーションに失敗しました (migration failed): ${String(outcome.error)}`);
      return 1;
    }
    if (outcome.results.length === 0) io.out('スキーマは最新です (schema is up to date)');
    return 0;
  } finally {
    await handle.close();
  }
}
