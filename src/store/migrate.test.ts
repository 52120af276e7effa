import SqliteDatabase from 'better-sqlite3';
import { Kysely, type LogEvent, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDatabases, testPostgresRunUrl } from '../../test/helpers/databases.ts';
import { createSchema, newSchemaName } from '../../test/helpers/postgres-templates.ts';
import { migrateDownAll, migrateToLatest } from './migrate.ts';
import { CurrentSchemaPostgresDialect } from './postgres-dialect.ts';
import type { Database } from './schema.ts';

/** An empty database of each dialect whose every statement, catalog reads included, lands in `seen`. */
async function openLogged(dialect: 'sqlite' | 'postgres', seen: string[]): Promise<Kysely<Database>> {
  const log = (event: LogEvent) => {
    seen.push(event.query.sql);
  };
  if (dialect === 'sqlite') {
    return new Kysely<Database>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }),
      log,
    });
  }
  const schema = newSchemaName();
  await createSchema(testPostgresRunUrl, schema);
  const pool = new pg.Pool({ connectionString: testPostgresRunUrl, options: `-c search_path=${schema}` });
  return new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }), log });
}

describe.each(testDatabases)('migrateToLatest on $name', (database) => {
  it('answers an up-to-date database from its own migration table: no lock, no catalog-wide read', async () => {
    const seen: string[] = [];
    const db = await openLogged(database.name, seen);
    try {
      const first = await migrateToLatest(db);
      expect(first.error).toBeUndefined();
      expect(first.results).toHaveLength(21);
      // Kysely's Migrator asks the catalog for every table (and PostgreSQL for its lock) even when nothing is due.
      expect(seen.length).toBeGreaterThan(10);
      seen.length = 0;
      expect(await migrateToLatest(db)).toEqual({ ok: true, results: [] });
      expect(seen.length).toBeLessThanOrEqual(3);
      expect(seen.join('\n')).not.toMatch(/pg_advisory_lock|pg_attribute|pragma_table_info|create table/i);
    } finally {
      await db.destroy();
    }
  });

  it('hands a database that is not up to date to the Migrator, which applies what is due', async () => {
    const handle = await database.open();
    try {
      expect((await migrateDownAll(handle.db)).results).toHaveLength(21);
      const again = await migrateToLatest(handle.db);
      expect(again.ok).toBe(true);
      expect(again.results.map((r) => r.status)).toEqual(Array(21).fill('Success'));
    } finally {
      await handle.close();
    }
  });
});
