/**
 * Names this run and gives it a PostgreSQL database of its own (test/helpers/postgres-run.ts), dropped with every
 * schema in it when the run ends; first drops what interrupted runs left behind. Within the run, schemas are not
 * dropped as each test closes: Kysely's Migrator reads the catalog of every schema, and a drop in one worker while
 * another migrated failed that read.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import {
  connectAdmin,
  dropAbandonedRunDatabases,
  runDatabaseName,
  skipPostgres,
  takeRunLease,
} from './helpers/postgres-run.ts';

async function createRunDatabase(client: pg.Client, run: string): Promise<void> {
  const name = runDatabaseName(run);
  try {
    // The lease first: a database is never seen without its run holding it.
    await takeRunLease(client, run);
    await dropAbandonedRunDatabases(client, run);
    // template0: nobody connects to it, while a session on template1 would make CREATE DATABASE fail.
    await client.query(`create database ${name} template template0`);
  } catch (error) {
    throw new Error(
      `テスト用データベースを作成できません (cannot create the test run's database ${name}; ` +
        `the role needs CREATEDB, or set MIERUKA_SKIP_POSTGRES=1): ${String(error)}`,
    );
  }
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const run = randomBytes(4).toString('hex');
  // Workers start after global setup and inherit this.
  process.env.MIERUKA_TEST_RUN = run;
  if (skipPostgres) return undefined;
  let client: pg.Client;
  try {
    client = await connectAdmin();
  } catch {
    return undefined; // Tests that need PostgreSQL say so; the others run.
  }
  try {
    await createRunDatabase(client, run);
  } catch (error) {
    await client.end();
    throw error;
  }
  // The connection holds the lease until the run ends. Should the server drop it, the run goes on without: the
  // next run then drops this database as abandoned.
  client.on('error', () => {});
  return async () => {
    try {
      await client.query(`drop database if exists ${runDatabaseName(run)} with (force)`);
    } finally {
      await client.end();
    }
  };
}
