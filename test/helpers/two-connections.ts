/**
 * Two independent connections to one database, as two nodes of a deployment hold: two better-sqlite3 connections
 * to one file, or two pg pools on one PostgreSQL schema. Nothing in memory is shared between them but the code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../../src/store/db.ts';
import { openPostgresSchema, type TestDatabase } from './databases.ts';
import { writeDemoSqlite } from './sqlite-templates.ts';

export interface TwoConnections {
  a: DatabaseHandle;
  b: DatabaseHandle;
  close(): Promise<void>;
}

/** The Komoro demo in a fresh database, opened twice. */
export async function openDemoTwice(database: TestDatabase): Promise<TwoConnections> {
  if (database.name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mieruka-two-nodes-'));
    const file = join(dir, 'mieruka.sqlite');
    await writeDemoSqlite(file);
    const a = openDatabase(file);
    const b = openDatabase(file);
    return {
      a,
      b,
      async close() {
        await a.close();
        await b.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const a = await database.openDemo();
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(a.db);
  const schema = rows[0]?.schema;
  if (schema === undefined) throw new Error('no current schema');
  const b = openPostgresSchema(schema);
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
    },
  };
}
