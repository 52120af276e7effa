/** Whether the database can serve requests: it answers, and every migration is applied. */
import type { Kysely } from 'kysely';
import { pendingMigrations } from './migrate.ts';

export type Readiness =
  | { ready: true }
  | { ready: false; reason: 'database' }
  | { ready: false; reason: 'migrations'; pending: string[] };

/** e.g. `await databaseReadiness(db) // { ready: false, reason: 'migrations', pending: ['2026-…'] }` */
export async function databaseReadiness<T>(db: Kysely<T>): Promise<Readiness> {
  let pending: string[];
  try {
    pending = await pendingMigrations(db);
  } catch {
    return { ready: false, reason: 'database' };
  }
  return pending.length === 0 ? { ready: true } : { ready: false, reason: 'migrations', pending };
}
