/**
 * Opens the database named by a URL. The only file that knows which dialect is in use; everything else
 * receives a `Kysely<Database>` and, where behaviour differs, asks `capabilities` rather than the dialect.
 *
 * @example const { db, close } = openDatabase('postgres://postgres@127.0.0.1:5432/mieruka')
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** What differs between the databases, in one place. */
export interface Capabilities {
  /** Bound parameters one statement may carry (SQLite ≥ 3.32: 32766; PostgreSQL: 65535). */
  maxParameters: number;
  /**
   * How search finds substrings: SQLite through its FTS5 trigram table (which cannot match fewer than three
   * characters, so shorter terms fall back to LIKE), PostgreSQL through ILIKE over a pg_trgm GIN index.
   */
  textSearch: 'fts5_trigram' | 'ilike';
}

export const capabilities: Record<DialectName, Capabilities> = {
  sqlite: { maxParameters: 32_766, textSearch: 'fts5_trigram' },
  postgres: { maxParameters: 65_535, textSearch: 'ilike' },
};

/** The capabilities behind a Kysely instance, e.g. `capabilitiesOf(db).textSearch`. */
export function capabilitiesOf<T>(db: Kysely<T>): Capabilities {
  return capabilities[db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'];
}

/** A limit every supported dialect accepts, for code that only holds a `Kysely<Database>`. */
export const portableMaxParameters = Math.min(...Object.values(capabilities).map((c) => c.maxParameters));

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Extra pg pool settings, e.g. `options: '-c search_path=…'` for a test schema. */
  pool?: pg.PoolConfig;
}

export const defaultSqlitePath = 'data/mieruka.sqlite';

const urlMessage =
  'DATABASE_URL が正しくありません。ファイルのパス、sqlite:パス、file:パス、:memory:、postgres:// のいずれかを指定してください ' +
  '(invalid DATABASE_URL: use a file path, sqlite:path, file:path, :memory: or postgres://…)';

type Target = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; connectionString: string };

const targetSchema = z
  .string()
  .trim()
  .min(1, urlMessage)
  .transform((url, ctx): Target => {
    if (/^postgres(ql)?:\/\/./.test(url)) return { dialect: 'postgres', connectionString: url };
    const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
    // Any other scheme (mysql://, http://) is a mistake, not a file name.
    if (path === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
      ctx.addIssue({ code: 'custom', message: urlMessage });
      return z.NEVER;
    }
    return { dialect: 'sqlite', path };
  });

export class DatabaseUrlError extends Error {
  constructor(readonly url: string) {
    super(`${urlMessage}: ${url}`);
    this.name = 'DatabaseUrlError';
  }
}

/** Reads a database URL into a dialect and its target; throws DatabaseUrlError. */
export function parseDatabaseUrl(url: string | undefined): Target {
  const result = targetSchema.safeParse(url ?? defaultSqlitePath);
  if (!result.success) throw new DatabaseUrlError(url ?? '');
  return result.data;
}

function openSqlite(path: string): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

function openPostgres(connectionString: string, pool: pg.PoolConfig = {}): DatabaseHandle {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, ...pool }) }),
  });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Opens SQLite (default `data/mieruka.sqlite`) or PostgreSQL from `DATABASE_URL`. */
export function openDatabase(
  url = process.env.DATABASE_URL,
  options: OpenDatabaseOptions = {},
): DatabaseHandle {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'postgres'
    ? openPostgres(target.connectionString, options.pool)
    : openSqlite(target.path);
}
