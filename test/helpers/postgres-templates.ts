/**
 * PostgreSQL schemas for tests, cloned from templates made once per process. A template is built by the real code
 * (the Migrator, then `seedDemo` for the demo one) on a Kysely that logs every statement; a clone replays the
 * statements that write, in one transaction on one connection. That skips what made each test slow: the
 * Migrator's lock and its reads of every schema's catalog (up to seconds once a run holds hundreds of schemas),
 * and building the demo in JavaScript. test/test-databases.test.ts proves a clone equals its template.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, type LogEvent } from 'kysely';
import pg from 'pg';
import { seedDemo } from '../../src/io/seed-demo.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { CurrentSchemaPostgresDialect } from '../../src/store/postgres-dialect.ts';
import type { Database } from '../../src/store/schema.ts';
import { connectAdmin } from './postgres-run.ts';

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

// Statements name the template's own schema where Kysely qualifies a table (its migration tables); a clone puts
// its own name there.
const schemaToken = '"{{schema}}"';
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

// What a clone must repeat. Reads (catalog lookups, the Migrator's lock, `select … for update`) and transaction
// control are left out: they change nothing a clone keeps.
const writes = /^\s*(create|alter|drop|comment|insert|update|delete)\b/i;

/** A schema name for this run's database, e.g. `t_1f2e3d4c5b6a`. */
export const newSchemaName = () => `t_${randomBytes(6).toString('hex')}`;

export async function createSchema(url: string, schema: string): Promise<void> {
  const client = await connectAdmin(url);
  try {
    await client.query(`create schema ${quoted(schema)}`);
  } finally {
    await client.end();
  }
}

/** Runs `prepare` on `schema` and returns the statements it wrote with, ready to replay in another schema. */
export async function record(
  url: string,
  schema: string,
  prepare: (db: Kysely<Database>) => Promise<void>,
): Promise<Statement[]> {
  const statements: Statement[] = [];
  const log = (event: LogEvent) => {
    if (event.level !== 'query' || !writes.test(event.query.sql)) return;
    statements.push({
      sql: event.query.sql.replaceAll(quoted(schema), schemaToken),
      parameters: event.query.parameters,
    });
  };
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${quoted(schema)}`, max: 4 });
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }), log });
  try {
    await prepare(db);
  } finally {
    await db.destroy();
  }
  return statements;
}

/** Creates `schema` and replays `statements` in it, all or nothing. */
export async function replay(url: string, schema: string, statements: readonly Statement[]): Promise<void> {
  const client = await connectAdmin(url);
  try {
    await client.query('begin');
    await client.query(`create schema ${quoted(schema)}`);
    await client.query(`set local search_path = ${quoted(schema)}`);
    for (const { sql, parameters } of statements) {
      await client.query(sql.replaceAll(schemaToken, quoted(schema)), [...parameters]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) throw new Error(`migration failed: ${String(migrated.error)}`);
}

export interface Templates {
  /** What makes an empty schema migrated to the latest version. */
  migrated(): Promise<readonly Statement[]>;
  /** What makes an empty schema migrated and holding the Komoro demo. */
  demo(): Promise<readonly Statement[]>;
}

/** Templates in `url`'s database, each built on first use, once. */
export function templatesIn(url: string): Templates {
  let migrated: Promise<Statement[]> | undefined;
  let demo: Promise<Statement[]> | undefined;
  const templates: Templates = {
    migrated() {
      migrated ??= (async () => {
        const schema = newSchemaName();
        await createSchema(url, schema);
        return record(url, schema, migrate);
      })();
      return migrated;
    },
    demo() {
      demo ??= (async () => {
        const schema = newSchemaName();
        const schemaStatements = await templates.migrated();
        await replay(url, schema, schemaStatements);
        const seed = await record(url, schema, async (db) => {
          await seedDemo(db);
        });
        return [...schemaStatements, ...seed];
      })();
      return demo;
    },
  };
  return templates;
}
