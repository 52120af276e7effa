/**
 * Where a test run keeps its PostgreSQL schemas: a database of its own, created by test/global-setup.ts and dropped
 * when the run ends. Schemas of runs sharing one database made each other fail: Kysely's Migrator reads every
 * schema's catalog, and another run dropping its schemas meanwhile failed that read with `schema "t_…" does not
 * exist`; its lock, one per database, also made every run wait for the others' migrations.
 *
 * A run interrupted (Ctrl-C) never drops its database. So each run holds a lease, an advisory lock in the given
 * database that the server frees when the run's connection goes; the next run drops the databases whose lease
 * nobody holds.
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

// Advisory locks take two int4 keys: one for "a test run", one for the run itself (its id is 32 bits of hex).
const leaseKey = 0x6d696572;
const runKey = (run: string) => Number.parseInt(run, 16) | 0;
const runDatabasePattern = /^mieruka_test_([0-9a-f]{8})$/;

/** Takes the run's lease on `client`'s session; hold the session until the run ends. */
export async function takeRunLease(client: pg.Client, run: string): Promise<void> {
  await client.query('select pg_advisory_lock($1, $2)', [leaseKey, runKey(run)]);
}

/** Drops the run databases whose lease nobody holds (runs that were interrupted); returns their names. */
export async function dropAbandonedRunDatabases(client: pg.Client, ownRun: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>('select datname as name from pg_database order by 1');
  const dropped: string[] = [];
  for (const { name } of rows) {
    const run = runDatabasePattern.exec(name)?.[1];
    // A session may take a lock it already holds, so its own run is never asked.
    if (run === undefined || run === ownRun) continue;
    const { rows: lease } = await client.query<{ free: boolean }>(
      'select pg_try_advisory_lock($1, $2) as free',
      [leaseKey, runKey(run)],
    );
    if (!lease[0]?.free) continue;
    try {
      await client.query(`drop database if exists ${name} with (force)`);
      dropped.push(name);
    } finally {
      await client.query('select pg_advisory_unlock($1, $2)', [leaseKey, runKey(run)]);
    }
  }
  return dropped;
}
