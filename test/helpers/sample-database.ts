/**
 * Test support: a migrated database holding the fictional sample dataset (サンプル町), and a snapshot of every
 * table's rows so a test can prove a failed import left the database exactly as it was.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { capabilities, capabilitiesOf } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { saveOrganizationDocument } from '../../src/store/save-dataset.ts';
import type { Database } from '../../src/store/schema.ts';
import { rebuildSearchIndex } from '../../src/store/search/reindex.ts';
import { sampleDataset } from './sample-dataset.ts';

export async function prepareSample(db: Kysely<Database>): Promise<void> {
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) throw new Error(`migration failed: ${String(migrated.error)}`);
  await saveOrganizationDocument(db, sampleDataset());
  await rebuildSearchIndex(db);
}

/**
 * The database's own tables. Not Kysely's introspection: on PostgreSQL it reads every schema's catalog, seconds
 * once a test run holds hundreds of schemas, and lists the other schemas' tables too.
 */
async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const query =
    capabilitiesOf(db) === capabilities.postgres
      ? sql<{ name: string }>`select relname as name from pg_class
          where relnamespace = current_schema()::regnamespace and relkind in ('r', 'p') order by 1`
      : sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by 1`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

/** Every table's rows (sorted, as JSON), keyed by table name. */
export async function snapshotTables(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const name of await tableNames(db)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    snapshot[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** Row counts of every table, e.g. `{ indicator_value: 7, … }`. */
export const countsOf = (snapshot: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.length]));
