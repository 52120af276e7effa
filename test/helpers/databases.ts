/**
 * The databases every store suite runs on, for `describe.each(testDatabases)`. Each `open()` gives a fresh,
 * empty database: SQLite in memory, or a new PostgreSQL schema, dropped when the whole run ends.
 * PostgreSQL tests fail when the server does not answer (CI must prove both), unless MIERUKA_SKIP_POSTGRES=1.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/store/db.ts';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  open(): Promise<DatabaseHandle>;
}

export const testPostgresUrl =
  process.env.MIERUKA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL に接続できません (cannot reach PostgreSQL at ${testPostgresUrl}; ` +
        `start it, set MIERUKA_TEST_POSTGRES_URL, or set MIERUKA_SKIP_POSTGRES=1): ${String(error)}`,
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// test/global-setup.ts names the run and drops its schemas at the end; dropping one while another worker
// migrates made Kysely's catalog reads fail at random.
const testRun = process.env.MIERUKA_TEST_RUN ?? 'adhoc';

async function openSchema(): Promise<DatabaseHandle> {
  const schema = `t_${testRun}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  return openDatabase(testPostgresUrl, { pool: { options: `-c search_path=${schema}`, max: 4 } });
}

const sqlite: TestDatabase = { name: 'sqlite', open: async () => openDatabase(':memory:') };
const postgres: TestDatabase = { name: 'postgres', open: openSchema };

export const testDatabases: TestDatabase[] =
  process.env.MIERUKA_SKIP_POSTGRES === '1' ? [sqlite] : [sqlite, postgres];
