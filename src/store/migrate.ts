/**
 * Schema migrations, kept in code so `mieruka` needs no migrations folder at run time.
 * Like Kysely's Migrator, both functions return their error instead of throwing.
 */
import { type Kysely, sql } from 'kysely';
import {
  DEFAULT_MIGRATION_TABLE,
  type MigrationResult,
  type MigrationResultSet,
  Migrator,
  NO_MIGRATIONS,
} from 'kysely/migration';
import { capabilities, capabilitiesOf } from './db.ts';
import * as organizationsAndSources from './migrations/2026-11-21-01-organizations-and-sources.ts';
import * as plansAndNodes from './migrations/2026-11-21-02-plans-and-nodes.ts';
import * as indicators from './migrations/2026-11-21-03-indicators.ts';
import * as editing from './migrations/2026-11-21-04-editing.ts';
import * as search from './migrations/2026-11-21-05-search.ts';
import * as tokenExpiry from './migrations/2026-12-03-01-token-expiry.ts';
import * as indicatorValueEntity from './migrations/2026-12-03-02-indicator-value-entity.ts';
import * as documentKind from './migrations/2026-12-03-09-document-kind.ts';
import * as importMappings from './migrations/2026-12-03-10-import-mappings.ts';
import * as documentFiles from './migrations/2026-12-03-11-document-files.ts';
import * as programSheets from './migrations/2026-12-03-20-program-sheets-and-evaluation-cycle.ts';
import * as searchEvaluations from './migrations/2026-12-03-30-search-evaluations.ts';
import * as evaluatorRole from './migrations/2026-12-03-40-evaluator-role.ts';
import * as organizationScope from './migrations/2026-12-03-60-organization-scope.ts';
import * as seriesIndex from './migrations/2026-12-03-70-series-index-and-data-changes.ts';
import * as comparisonKey from './migrations/2026-12-04-20-indicator-comparison-key.ts';
import * as pendingUploads from './migrations/2026-12-04-40-pending-uploads.ts';
import * as headlineIndex from './migrations/2026-12-04-50-headline-index.ts';
import * as programSheetTargetIndicators from './migrations/2026-12-05-64-program-sheet-target-indicators.ts';
import * as oneIndicatorValueIndex from './migrations/2026-12-05-70-one-indicator-value-index.ts';
import * as shortTermSearch from './migrations/2026-12-05-80-short-term-search.ts';

// Names sort in the order the steps must run.
const migrations = {
  '2026-11-21-01-organizations-and-sources': organizationsAndSources,
  '2026-11-21-02-plans-and-nodes': plansAndNodes,
  '2026-11-21-03-indicators': indicators,
  '2026-11-21-04-editing': editing,
  '2026-11-21-05-search': search,
  '2026-12-03-01-token-expiry': tokenExpiry,
  '2026-12-03-02-indicator-value-entity': indicatorValueEntity,
  '2026-12-03-09-document-kind': documentKind,
  '2026-12-03-10-import-mappings': importMappings,
  '2026-12-03-11-document-files': documentFiles,
  '2026-12-03-20-program-sheets-and-evaluation-cycle': programSheets,
  '2026-12-03-30-search-evaluations': searchEvaluations,
  '2026-12-03-40-evaluator-role': evaluatorRole,
  '2026-12-03-60-organization-scope': organizationScope,
  '2026-12-03-70-series-index-and-data-changes': seriesIndex,
  '2026-12-04-20-indicator-comparison-key': comparisonKey,
  '2026-12-04-40-pending-uploads': pendingUploads,
  '2026-12-04-50-headline-index': headlineIndex,
  '2026-12-05-64-program-sheet-target-indicators': programSheetTargetIndicators,
  '2026-12-05-70-one-indicator-value-index': oneIndicatorValueIndex,
  '2026-12-05-80-short-term-search': shortTermSearch,
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

function migratorFor<T>(db: Kysely<T>, schema: string | undefined): Migrator {
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

/** The migrations the database records as applied, in order; none before its first migration. */
async function appliedMigrations<T>(db: Kysely<T>, schema: string | undefined): Promise<string[]> {
  const exists =
    schema === undefined
      ? sql<{ found: number }>`select count(*) as found from sqlite_master
          where type = 'table' and name = ${DEFAULT_MIGRATION_TABLE}`
      : sql<{ found: number }>`select count(*)::int as found
          where to_regclass(format('%I.%I', ${schema}::text, ${DEFAULT_MIGRATION_TABLE}::text)) is not null`;
  if (Number((await exists.execute(db)).rows[0]?.found ?? 0) === 0) return [];
  const table =
    schema === undefined ? sql.table(DEFAULT_MIGRATION_TABLE) : sql.id(schema, DEFAULT_MIGRATION_TABLE);
  const { rows } = await sql<{ name: string }>`select name from ${table} order by name`.execute(db);
  return rows.map((row) => row.name);
}

const latest = Object.keys(migrations);

/**
 * Brings the schema up to date, e.g. `const { ok, error } = await migrateToLatest(db)`.
 * An up-to-date database is answered from its own migration table: Kysely's Migrator would take its lock (one for
 * the whole PostgreSQL database) and read every schema's catalog, which serialized parallel test runs and, with
 * other schemas being dropped meanwhile, failed with `schema "…" does not exist`.
 */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrateOutcome> {
  const schema = await migrationTableSchema(db);
  try {
    const applied = await appliedMigrations(db, schema);
    if (applied.length === latest.length && applied.every((name, i) => name === latest[i])) {
      return { ok: true, results: [] };
    }
  } catch {
    // Whatever the quick look could not read, the Migrator reads again and reports.
  }
  return outcome(await migratorFor(db, schema).migrateToLatest());
}

/**
 * The migrations the database has not applied yet, in order, e.g. `[]` when it is up to date. Throws when the
 * database does not answer.
 */
export async function pendingMigrations<T>(db: Kysely<T>): Promise<string[]> {
  const applied = new Set(await appliedMigrations(db, await migrationTableSchema(db)));
  return latest.filter((name) => !applied.has(name));
}

/** Undoes every migration (for tests and for starting over): `await migrateDownAll(db)`. */
export async function migrateDownAll<T>(db: Kysely<T>): Promise<MigrateOutcome> {
  return outcome(await migratorFor(db, await migrationTableSchema(db)).migrateTo(NO_MIGRATIONS));
}
