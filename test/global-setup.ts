/**
 * Names this run and gives it a PostgreSQL database of its own (test/helpers/postgres-run.ts), dropped with every
 * schema in it when the run ends. Within the run, schemas are not dropped as each test closes: Kysely's Migrator
 * reads the catalog of every schema, and a drop in one worker while another migrated failed that read.
 */
import { randomBytes } from 'node:crypto';
import { connectAdmin, runDatabaseName, skipPostgres } from './helpers/postgres-run.ts';

async function createRunDatabase(name: string): Promise<boolean> {
  let client: Awaited<ReturnType<typeof connectAdmin>>;
  try {
    client = await connectAdmin();
  } catch {
    return false; // Tests that need PostgreSQL say so; the others run.
  }
  try {
    // template0: nobody connects to it, while a session on template1 would make CREATE DATABASE fail.
    await client.query(`create database ${name} template template0`);
    return true;
  } catch (error) {
    throw new Error(
      `テスト用データベースを作成できません (cannot create the test run's database ${name}; ` +
        `the role needs CREATEDB, or set MIERUKA_SKIP_POSTGRES=1): ${String(error)}`,
    );
  } finally {
    await client.end();
  }
}

async function dropRunDatabase(name: string): Promise<void> {
  const client = await connectAdmin();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const run = randomBytes(4).toString('hex');
  // Workers start after global setup and inherit this.
  process.env.MIERUKA_TEST_RUN = run;
  if (skipPostgres) return undefined;
  const name = runDatabaseName(run);
  if (!(await createRunDatabase(name))) return undefined;
  return () => dropRunDatabase(name);
}
