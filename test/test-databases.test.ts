/**
 * The test databases themselves: copies made from templates (test/helpers/databases.ts) must be exactly what the
 * real code builds, and independent of each other.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/io/seed-demo.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { createReadStore } from '../src/store/queries.ts';
import { type TestDatabase, testDatabases, testPostgresRunUrl } from './helpers/databases.ts';
import {
  connectAdmin,
  dropAbandonedRunDatabases,
  runDatabaseName,
  takeRunLease,
} from './helpers/postgres-run.ts';
import { createSchema, newSchemaName, record, replay } from './helpers/postgres-templates.ts';

describe.each(testDatabases)('test databases on $name', (database: TestDatabase) => {
  it('open gives a migrated database of its own, with foreign keys enforced', async () => {
    const [first, second] = [await database.open(), await database.open()];
    try {
      expect(await migrateToLatest(first.db)).toEqual({ ok: true, results: [] });
      const stamp = { created_at: '2026-11-21T00:00:00Z', updated_at: '2026-11-21T00:00:00Z' };
      const organization = { id: 'komoro', name: '小諸市', name_en: null, kind: 'municipality', ...stamp };
      await first.db
        .insertInto('organization')
        .values({ ...organization, municipality_code: null, prefecture: null, url: null })
        .execute();
      expect(await first.db.selectFrom('organization').select('id').execute()).toEqual([{ id: 'komoro' }]);
      expect(await second.db.selectFrom('organization').select('id').execute()).toEqual([]);
      const orphan = { id: 'd', organization_id: 'nowhere', position: 1, title: 't', published_at: '2026' };
      await expect(
        first.db
          .insertInto('source_document')
          .values({ ...orphan, publisher: null, file: null, url: null, note: null, ...stamp })
          .execute(),
      ).rejects.toThrow(/foreign key/i);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('openDemo gives the demo in a database of its own', async () => {
    const [first, second] = [await database.openDemo(), await database.openDemo()];
    try {
      expect((await createReadStore(first.db).listOrganizations()).map((o) => o.id)).toEqual(['komoro']);
      await sql`delete from search_entry`.execute(first.db);
      const count = sql<{ n: number }>`select count(*) as n from search_entry`;
      expect(Number((await count.execute(first.db)).rows[0]?.n)).toBe(0);
      expect(Number((await count.execute(second.db)).rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('openEmpty gives a database without tables', async () => {
    const empty = await database.openEmpty();
    try {
      const migrated = await migrateToLatest(empty.db);
      expect(migrated.results).toHaveLength(21);
    } finally {
      await empty.close();
    }
  });
});

/** Everything a schema holds, with its own name taken out: columns, constraints, indexes, sequences and rows. */
async function contentsOf(schema: string) {
  const client = await connectAdmin(testPostgresRunUrl);
  const anonymous = (text: string) => text.replaceAll(`${schema}.`, '');
  try {
    const query = async (text: string) => (await client.query(text, [schema])).rows;
    const columns = await query(`select table_name, column_name, data_type, is_nullable, column_default
      from information_schema.columns where table_schema = $1 order by table_name, ordinal_position`);
    const constraints =
      await query(`select cl.relname as table, co.conname, pg_get_constraintdef(co.oid) as def
      from pg_constraint co join pg_class cl on cl.oid = co.conrelid
      where co.connamespace = $1::regnamespace order by 1, 2`);
    const indexes = await query(`select tablename, indexname, indexdef from pg_indexes
      where schemaname = $1 order by 1, 2`);
    const sequences = await query(`select sequencename, last_value from pg_sequences
      where schemaname = $1 order by 1`);
    const rows: Record<string, string[]> = {};
    for (const { table_name: table } of await query(
      `select table_name from information_schema.tables where table_schema = $1 order by 1`,
    )) {
      const { rows: data } = await client.query(`select * from "${schema}"."${table}"`);
      rows[table] = data.map((row) => JSON.stringify(row)).sort();
    }
    return anonymous(JSON.stringify({ columns, constraints, indexes, sequences, rows }, null, 1));
  } finally {
    await client.end();
  }
}

// These run Kysely's Migrator itself, whose table check reads every schema's catalog in the run's database; while
// another worker creates tables there, that read can fail now and then. A retry keeps such a miss from failing
// the run; a real difference fails every attempt.
describe.skipIf(!testDatabases.some((d) => d.name === 'postgres'))(
  'PostgreSQL templates',
  { retry: 2 },
  () => {
    it('replay the migrations into a schema identical to one the Migrator built', async () => {
      const [built, copy] = [newSchemaName(), newSchemaName()];
      await createSchema(testPostgresRunUrl, built);
      const statements = await record(testPostgresRunUrl, built, async (db) => {
        expect((await migrateToLatest(db)).ok).toBe(true);
      });
      await replay(testPostgresRunUrl, copy, statements);
      const contents = await contentsOf(copy);
      expect(contents).toContain('kysely_migration');
      expect(contents).toBe(await contentsOf(built));
    });

    it('replay the demo seed into a schema identical to one seedDemo filled', async () => {
      const [schemaOnly, seeded, copy] = [newSchemaName(), newSchemaName(), newSchemaName()];
      await createSchema(testPostgresRunUrl, schemaOnly);
      const migration = await record(testPostgresRunUrl, schemaOnly, async (db) => {
        expect((await migrateToLatest(db)).ok).toBe(true);
      });
      await replay(testPostgresRunUrl, seeded, migration);
      const seed = await record(testPostgresRunUrl, seeded, async (db) => {
        await seedDemo(db);
      });
      await replay(testPostgresRunUrl, copy, [...migration, ...seed]);
      const contents = await contentsOf(copy);
      expect(contents).toContain('小諸市');
      expect(contents).toBe(await contentsOf(seeded));
    });
  },
);

describe.skipIf(!testDatabases.some((d) => d.name === 'postgres'))('PostgreSQL run databases', () => {
  it('are dropped once their run is gone (interrupted), never while it goes on', async () => {
    const ownRun = process.env.MIERUKA_TEST_RUN ?? '';
    const [abandoned, going] = [randomBytes(4).toString('hex'), randomBytes(4).toString('hex')];
    const [admin, otherRun] = [await connectAdmin(), await connectAdmin()];
    const databases = async () =>
      (await admin.query<{ name: string }>('select datname as name from pg_database')).rows.map(
        (r) => r.name,
      );
    try {
      await admin.query(`create database ${runDatabaseName(abandoned)} template template0`);
      await takeRunLease(otherRun, going);
      await admin.query(`create database ${runDatabaseName(going)} template template0`);

      const dropped = await dropAbandonedRunDatabases(admin, ownRun);
      expect(dropped).toContain(runDatabaseName(abandoned));
      expect(dropped).not.toContain(runDatabaseName(going));
      expect(await databases()).toEqual(
        expect.arrayContaining([runDatabaseName(going), runDatabaseName(ownRun)]),
      );
      expect(await databases()).not.toContain(runDatabaseName(abandoned));
    } finally {
      await otherRun.end();
      await admin.query(`drop database if exists ${runDatabaseName(going)} with (force)`);
      await admin.end();
    }
  });
});
