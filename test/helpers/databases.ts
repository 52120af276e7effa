/**
 * The databases every store suite runs on, for `describe.each(testDatabases)`. Each open gives a fresh database of
 * its own: SQLite in memory, or a new schema in this run's PostgreSQL database (test/helpers/postgres-run.ts),
 * copied from a template made once per process (test/helpers/sqlite-templates.ts,
 * test/helpers/postgres-templates.ts). PostgreSQL tests fail when the server does not answer (CI must prove
 * both), unless MIERUKA_SKIP_POSTGRES=1.
 */
import { type DatabaseHandle, openDatabase } from '../../src/store/db.ts';
import { runDatabaseUrl, skipPostgres, testPostgresUrl } from './postgres-run.ts';
import { createSchema, newSchemaName, replay, type Statement, templatesIn } from './postgres-templates.ts';
import { openDemoSqlite, openMigratedSqlite } from './sqlite-templates.ts';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh database migrated to the latest schema. */
  open(): Promise<DatabaseHandle>;
  /** A fresh database migrated and holding the Komoro demo. */
  openDemo(): Promise<DatabaseHandle>;
  /** A fresh database with no tables at all, for tests of the migrations themselves. */
  openEmpty(): Promise<DatabaseHandle>;
}

/** The PostgreSQL database this run's schemas live in (the given one when no run named it, e.g. outside Vitest). */
export const testPostgresRunUrl =
  process.env.MIERUKA_TEST_RUN === undefined ? testPostgresUrl : runDatabaseUrl(process.env.MIERUKA_TEST_RUN);

/** Opens `schema` of the run's database as the app would, with the schema as its search path. */
export function openPostgresSchema(schema: string): DatabaseHandle {
  return openDatabase(testPostgresRunUrl, { pool: { options: `-c search_path=${schema}`, max: 4 } });
}

const templates = templatesIn(testPostgresRunUrl);

async function openClone(statements: Promise<readonly Statement[]>): Promise<DatabaseHandle> {
  const schema = newSchemaName();
  await replay(testPostgresRunUrl, schema, await statements);
  return openPostgresSchema(schema);
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  open: openMigratedSqlite,
  openDemo: openDemoSqlite,
  openEmpty: async () => openDatabase(':memory:'),
};

const postgres: TestDatabase = {
  name: 'postgres',
  open: () => openClone(templates.migrated()),
  openDemo: () => openClone(templates.demo()),
  async openEmpty() {
    const schema = newSchemaName();
    await createSchema(testPostgresRunUrl, schema);
    return openPostgresSchema(schema);
  },
};

export const testDatabases: TestDatabase[] = skipPostgres ? [sqlite] : [sqlite, postgres];
