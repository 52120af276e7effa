/**
 * Schema migrations, kept in code so `mieruka` needs no migrations folder at run time.
 * Like Kysely's Migrator, both functions return their error instead of throwing.
 */
import { type Kysely, sql } from 'kysely';
import { type MigrationResult, type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { capabilities, capabilitiesOf } from './db.ts';
import * as organizationsAndSources from './migrations/2026-11-21-01-organizations-and-sources.ts';
import * as plansAndNodes from './migrations/2026-11-21-02-plans-and-nodes.ts';
import * as indicators from './migrations/2026-11-21-03-indicators.ts';
import * as editing from './migrations/2026-11-21-04-editing.ts';
import * as search from './migrations/2026-11-21-05-search.ts';

// Names sort in the order the steps must run.
const migrations = {
  '2026-11-21-01-organizations-and-sources': organizationsAndSources,
  '2026-11-21-02-plans-and-nodes': plansAndNodes,
  '2026-11-21-03-indicators': indicators,
  '2026-11-21-04-editing': editing,
  '2026-11-21-05-search': search,
};

export type MigrateOutcome =
  | { ok: true; error?: undefined; results: MigrationResult[] }
  | { ok: false; error: unknown; results: MigrationResult[] };

// Without a schema, Kysely's Migrator takes a kysely_migration table in ANY PostgreSQL schema for its own,
// so a second database in another schema (tests run side by side) skipped creating its tables.
async function migrationTableSchema<T>(db: Kysely<T>): Promise<string | undefined> {
  // SQLite has no schemas to confuse.
  if (capabilitiesOf(db) !== capabilities.postgres) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}

async function migratorFor<T>(db: Kysely<T>): Promise<Migrator> {
  const schema = await migrationTableSchema(db);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema !== undefined && { migrationTableSchema: schema }),
  });
}

function outcome({ error, results }: MigrationResultSet): MigrateOutcome {
  return error === undefined
    ? { ok: true, results: results ?? [] }
    : { ok: false, error, results: results ?? [] };
}

/** Brings the schema up to date, e.g. `const { ok, error } = await migrateToLatest(db)`. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrateOutcome> {
  return outcome(await (await migratorFor(db)).migrateToLatest());
}

/** Undoes every migration (for tests and for starting over): `await migrateDownAll(db)`. */
export async function migrateDownAll<T>(db: Kysely<T>): Promise<MigrateOutcome> {
  return outcome(await (await migratorFor(db)).migrateTo(NO_MIGRATIONS));
}
