/**
 * Test support: a migrated database holding the fictional sample dataset (サンプル町), and a snapshot of every
 * table's rows so a test can prove a failed import left the database exactly as it was.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { migrateToLatest } from '../../store/migrate.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import type { Database } from '../../store/schema.ts';
import { rebuildSearchIndex } from '../../store/search/reindex.ts';
import { sampleDataset } from '../../store/testing/sample-dataset.ts';

export async function prepareSample(db: Kysely<Database>): Promise<void> {
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) throw new Error(`migration failed: ${String(migrated.error)}`);
  await saveOrganizationDocument(db, sampleDataset());
  await rebuildSearchIndex(db);
}

/** Every table's rows (sorted, as JSON), keyed by table name. */
export async function snapshotTables(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const tables = await db.introspection.getTables();
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    snapshot[table.name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** Row counts of every table, e.g. `{ indicator_value: 7, … }`. */
export const countsOf = (snapshot: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.length]));
