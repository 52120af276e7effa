/**
 * Names this run's PostgreSQL test schemas and drops them when the run ends.
 *
 * Schemas are not dropped as each test closes: Kysely's migrator reads the catalog of every schema, and a
 * `drop schema … cascade` in one worker while another worker migrates made that read fail at random
 * ("schema t_… does not exist"). Dropping them all at the end keeps the catalog still while tests run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const postgresUrl = process.env.MIERUKA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export default function setup(): () => Promise<void> {
  const run = randomBytes(4).toString('hex');
  // Workers start after global setup and inherit this.
  process.env.MIERUKA_TEST_RUN = run;
  return async () => {
    if (process.env.MIERUKA_SKIP_POSTGRES === '1') return;
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
    } catch {
      return; // Nothing was created where nothing answers.
    }
    try {
      const { rows } = await client.query<{ name: string }>(
        `select nspname as name from pg_namespace where nspname like $1`,
        [`t\\_${run}\\_%`],
      );
      for (const { name } of rows) await client.query(`drop schema "${name}" cascade`);
    } finally {
      await client.end();
    }
  };
}
