/** What a PostgreSQL database holds before a restore replaces it: nothing, Mieruka's tables empty, or data. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export type DatabaseContents = { state: 'absent' | 'empty' } | { state: 'not-empty'; reason: string };

/**
 * Counts plans, revisions and users in the connection's schema, e.g. `await databaseContents(db) // { state: 'absent' }`.
 */
export async function databaseContents(db: Kysely<Database>): Promise<DatabaseContents> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_name in ('plan', 'revision', 'user_account')`.execute(db);
  const names = tables.rows.map((r) => r.table_name);
  if (names.length === 0) return { state: 'absent' };
  const counts: string[] = [];
  let total = 0;
  for (const name of names.sort()) {
    const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(name)}`.execute(
      db,
    );
    const n = Number(rows[0]?.n ?? 0);
    total += n;
    counts.push(`${n} ${name}`);
  }
  return total === 0 ? { state: 'empty' } : { state: 'not-empty', reason: counts.join(', ') };
}
