/**
 * Where a test run keeps its PostgreSQL schemas: a database of its own, created by test/global-setup.ts and dropped
 * when the run ends. Schemas of runs sharing one database made each other fail: Kysely's Migrator reads every
 * schema's catalog, and another run dropping its schemas meanwhile failed that read with `schema "t_…" does not
 * exist`; its lock, one per database, also made every run wait for the others' migrations.
 */
import pg from 'pg';

/** The server and database given to the tests (the run's own database is created beside it). */
export const testPostgresUrl =
  process.env.MIERUKA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const skipPostgres = process.env.MIERUKA_SKIP_POSTGRES === '1';

/** The run's database, e.g. `mieruka_test_1a2b3c4d`; the run id is hex, so the name needs no quoting. */
export function runDatabaseName(run: string): string {
  if (!/^[0-9a-f]+$/.test(run)) throw new Error(`invalid test run id: ${run}`);
  return `mieruka_test_${run}`;
}

/** `testPostgresUrl` pointed at the run's database. */
export function runDatabaseUrl(run: string): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${runDatabaseName(run)}`;
  return url.toString();
}

/** A client on `url` (the given database by default); throws a message naming what to do when none answers. */
export async function connectAdmin(url = testPostgresUrl): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL に接続できません (cannot reach PostgreSQL at ${url}; ` +
        `start it, set MIERUKA_TEST_POSTGRES_URL, or set MIERUKA_SKIP_POSTGRES=1): ${String(error)}`,
    );
  }
  return client;
}
