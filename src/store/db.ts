/**
 * Opens the database named by a URL. The only file that knows which dialect is in use; everything else
 * receives a `Kysely<Database>` and, where behaviour differs, asks `capabilities` rather than the dialect.
 *
 * @example const { db, close } = openDatabase('postgres://postgres@127.0.0.1:5432/mieruka')
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresAdapter } from 'kysely';
import type pg from 'pg';
import { z } from 'zod';
import { copyRows } from './postgres-copy.ts';
import { CurrentSchemaPostgresDialect } from './postgres-dialect.ts';
import type { Database } from './schema.ts';
import { WaitingSqliteDialect } from './waiting-sqlite-dialect.ts';

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
  /**
   * How long a SQLite write waits for another process to release the write lock before a DatabaseBusyError
   * (default 5 s, MIERUKA_WRITE_WAIT_SECONDS in the command line).
   */
  writeWaitSeconds?: number;
}

export const defaultWriteWaitSeconds = 5;

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

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, so no message ever shows a password. */
export function redactUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0];
  // The last @ ends the credentials: a password typed without percent-encoding may hold @ or / itself.
  const at = url.lastIndexOf('@');
  if (scheme === undefined || at < scheme.length) return url;
  const colon = url.indexOf(':', scheme.length);
  if (colon === -1 || colon > at) return url;
  return `${url.slice(0, colon)}:***${url.slice(at)}`;
}

export class DatabaseUrlError extends Error {
  constructor(readonly url: string) {
    super(`${urlMessage}: ${redactUrl(url)}`);
    this.name = 'DatabaseUrlError';
  }
}

/** Reads a database URL into a dialect and its target; throws DatabaseUrlError. */
export function parseDatabaseUrl(url: string | undefined): Target {
  const result = targetSchema.safeParse(url ?? defaultSqlitePath);
  if (!result.success) throw new DatabaseUrlError(url ?? '');
  return result.data;
}

// The better-sqlite3 connection behind each SQLite Kysely, keyed by its adapter: a transaction shares its
// database's adapter, so bulkInsert finds the connection from either.
const sqliteConnections = new WeakMap<object, SqliteDatabase.Database>();
// Prepared INSERTs and UPDATEs per connection: preparing costs more than running for short rows.
const preparedStatements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/** Opens a file, `:memory:`, or an in-memory copy of a serialized database (see `sqliteImage`). */
function openSqlite(source: string | Buffer, writeWaitSeconds = defaultWriteWaitSeconds): DatabaseHandle {
  if (typeof source === 'string' && source !== ':memory:') mkdirSync(dirname(source), { recursive: true });
  const writeWaitMs = writeWaitSeconds * 1000;
  const database = new SqliteDatabase(source, { timeout: writeWaitMs });
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  // From here no busy timeout in the driver: it would sleep on the event loop. WaitingSqliteDialect waits
  // asynchronously instead.
  database.pragma('busy_timeout = 0');
  const db = new Kysely<Database>({
    dialect: new WaitingSqliteDialect(database, writeWaitMs),
  });
  sqliteConnections.set(db.getExecutor().adapter, database);
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function insertSql(
  table: string,
  columns: readonly string[],
  rows: number,
  placeholder: (n: number) => string,
) {
  const tuples = Array.from(
    { length: rows },
    (_, r) => `(${columns.map((_, c) => placeholder(r * columns.length + c + 1)).join(', ')})`,
  );
  return `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${tuples.join(', ')}`;
}

// Rows per prepared multi-row INSERT on SQLite: fewer calls into the driver and fewer statement starts, while
// staying far under its parameter limit for any table we have.
const sqliteRowsPerInsert = 64;

/** The connection's prepared statement for `sql`, prepared once. */
function preparedStatement(database: SqliteDatabase.Database, sql: string): SqliteDatabase.Statement {
  let cache = preparedStatements.get(database);
  if (cache === undefined) {
    cache = new Map();
    preparedStatements.set(database, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = database.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

const sqliteInsert = (
  database: SqliteDatabase.Database,
  table: string,
  columns: readonly string[],
  rows: number,
) =>
  preparedStatement(
    database,
    insertSql(table, columns, rows, () => '?'),
  );

function sqliteBulkInsert(
  database: SqliteDatabase.Database,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
) {
  const width = columns.length;
  const rows = values.length / width;
  const whole = rows - (rows % sqliteRowsPerInsert);
  if (whole > 0) {
    const many = sqliteInsert(database, table, columns, sqliteRowsPerInsert);
    const size = width * sqliteRowsPerInsert;
    for (let start = 0; start < whole * width; start += size) many.run(values.slice(start, start + size));
  }
  if (whole === rows) return;
  const one = sqliteInsert(database, table, columns, 1);
  for (let r = whole; r < rows; r += 1) one.run(values.slice(r * width, (r + 1) * width));
}

/**
 * Inserts rows given as one flat array of values, row after row in `columns` order (one array rather than one per
 * row: a 100,000-row import otherwise keeps 100,000 small arrays alive for the garbage collector to copy).
 * Call it inside a transaction of `trx`'s database (it adds none of its own): on SQLite it runs cached prepared
 * multi-row statements on the transaction's own connection, which is both safe (one connection, synchronous) and
 * several times faster than building queries; on PostgreSQL more rows than one statement carries stream through
 * COPY (postgres-copy.ts).
 * Values must be SQL values (no booleans); all rows are written or the call throws.
 * @example await bulkInsert(trx, 'source', ['id', 'document_id'], ['s1', 'komoro-pride-vol5', 's2', 'komoro-brand-vol10'])
 */
export async function bulkInsert(
  trx: Kysely<Database>,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
): Promise<void> {
  const width = columns.length;
  if (values.length % width !== 0) {
    throw new Error(
      `値の数 ${values.length} が列の数 ${width} の倍数ではありません (value count is not a multiple of the column count)`,
    );
  }
  if (values.length === 0) return;
  const connection = sqliteConnections.get(trx.getExecutor().adapter);
  if (connection !== undefined) {
    sqliteBulkInsert(connection, table, columns, values);
    return;
  }
  if (trx.getExecutor().adapter instanceof PostgresAdapter && values.length / width > rowsPerStatement) {
    await copyRows(trx, table, columns, values);
    return;
  }
  await insertByStatements(trx, table, columns, values);
}

/** Rows handed over one at a time: `write(row, out, at)` puts row `row`'s values, in column order, into `out` from `at`. */
export interface RowSource {
  count: number;
  write(row: number, out: unknown[], at: number): void;
}

/**
 * The same as `bulkInsert` for rows a source writes on demand: on SQLite each multi-row statement's values are
 * written into one reused array, so 100,000 rows need no flat array of every value (an array over 128 KB is a
 * large object V8 maps fresh pages for, which costs more than filling it); elsewhere the flat array is built and
 * handed to `bulkInsert`.
 * @example await bulkInsertRows(trx, 'source', ['id'], { count: 2, write: (n, out, at) => { out[at] = `s${n}`; } })
 */
export async function bulkInsertRows(
  trx: Kysely<Database>,
  table: string,
  columns: readonly string[],
  rows: RowSource,
): Promise<void> {
  if (rows.count === 0) return;
  const width = columns.length;
  const connection = sqliteConnections.get(trx.getExecutor().adapter);
  if (connection === undefined) {
    const values: unknown[] = new Array(rows.count * width);
    for (let row = 0; row < rows.count; row += 1) rows.write(row, values, row * width);
    await bulkInsert(trx, table, columns, values);
    return;
  }
  const whole = rows.count - (rows.count % sqliteRowsPerInsert);
  if (whole > 0) {
    const many = sqliteInsert(connection, table, columns, sqliteRowsPerInsert);
    const batch: unknown[] = new Array(width * sqliteRowsPerInsert);
    for (let start = 0; start < whole; start += sqliteRowsPerInsert) {
      for (let r = 0; r < sqliteRowsPerInsert; r += 1) rows.write(start + r, batch, r * width);
      many.run(batch);
    }
  }
  if (whole === rows.count) return;
  const one = sqliteInsert(connection, table, columns, 1);
  const single: unknown[] = new Array(width);
  for (let row = whole; row < rows.count; row += 1) {
    rows.write(row, single, 0);
    one.run(single);
  }
}

// Rows one INSERT statement carries at most; more rows than this go through COPY on PostgreSQL, fewer as one
// statement (a COPY costs a round trip more, and the test templates replay logged statements, not streams).
const rowsPerStatement = 1_000;

/**
 * The same rows as `bulkInsert`, through multi-row INSERTs within the parameter limit: the path for a dialect
 * with neither a SQLite connection nor COPY, and what the COPY path is tested against.
 */
export async function insertByStatements(
  trx: Kysely<Database>,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
): Promise<void> {
  const width = columns.length;
  const placeholder =
    trx.getExecutor().adapter instanceof PostgresAdapter ? (n: number) => `$${n}` : () => '?';
  const perInsert = Math.max(
    1,
    Math.min(rowsPerStatement, Math.floor(capabilitiesOf(trx).maxParameters / width)),
  );
  const statements = new Map<number, string>();
  for (let start = 0; start < values.length; start += perInsert * width) {
    const batch = values.slice(start, start + perInsert * width);
    const rows = batch.length / width;
    let sql = statements.get(rows);
    if (sql === undefined) {
      sql = insertSql(table, columns, rows, placeholder);
      statements.set(rows, sql);
    }
    await trx.executeQuery(CompiledQuery.raw(sql, batch));
  }
}

function updateSql(table: string, columns: readonly string[], placeholder: (n: number) => string) {
  const sets = columns.map((column, c) => `${quoted(column)} = ${placeholder(c + 1)}`);
  return `update ${quoted(table)} set ${sets.join(', ')}, "version" = "version" + 1 where "id" = ${placeholder(columns.length + 1)}`;
}

/**
 * Updates rows by id, setting `columns` and adding one to each row's version. Rows are given flat, each row's
 * values in `columns` order followed by its id. Call it inside a transaction of `trx`'s database: on SQLite it runs
 * one cached prepared statement on the transaction's connection (building a Kysely query per row took five times
 * longer than SQLite's work for a 100,000-row re-import); elsewhere one parameterized statement per row.
 * @example await bulkUpdate(trx, 'indicator_value', ['value', 'updated_at'], [2, '2026-11-21T…', 'i.a:observation@2020-01'])
 */
export async function bulkUpdate(
  trx: Kysely<Database>,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
): Promise<void> {
  const width = columns.length + 1;
  if (values.length % width !== 0) {
    throw new Error(
      `値の数 ${values.length} が列の数 ${width} の倍数ではありません (value count is not a multiple of the column count)`,
    );
  }
  const connection = sqliteConnections.get(trx.getExecutor().adapter);
  if (connection !== undefined) {
    const statement = preparedStatement(
      connection,
      updateSql(table, columns, () => '?'),
    );
    for (let start = 0; start < values.length; start += width)
      statement.run(values.slice(start, start + width));
    return;
  }
  const placeholder =
    trx.getExecutor().adapter instanceof PostgresAdapter ? (n: number) => `$${n}` : () => '?';
  const sql = updateSql(table, columns, placeholder);
  for (let start = 0; start < values.length; start += width) {
    await trx.executeQuery(CompiledQuery.raw(sql, values.slice(start, start + width)));
  }
}

function openPostgres(connectionString: string, pool: pg.PoolConfig = {}): DatabaseHandle {
  // pg is imported on the first query, not with this module: SQLite commands (the CLI's import of a table)
  // would otherwise load a driver they never use.
  const createPool = async () => {
    const { Pool } = await import('pg');
    const created = new Pool({ connectionString, ...pool });
    // An idle client's connection may break (the server restarts, an administrator ends it): pg drops that client
    // and emits 'error', which without a listener would end the process. The next query connects again, or
    // fails on its own, as /readyz reports.
    created.on('error', () => {});
    // A client that is checked out but between queries has no pool listener: a connection ended in that moment
    // emits 'error' on the client itself, which would also end the process. Its next query fails instead.
    created.on('connect', (client) => client.on('error', () => {}));
    return created;
  };
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool: createPool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/**
 * The bytes of a SQLite database, e.g. to open in-memory copies of a migrated one with `openSqliteImage`
 * (tests migrate and seed once, then copy in a millisecond). Throws for PostgreSQL.
 */
export function sqliteImage(db: Kysely<Database>): Buffer {
  const connection = sqliteConnections.get(db.getExecutor().adapter);
  if (connection === undefined) throw new Error('SQLite ではありません (not a SQLite database)');
  return connection.serialize();
}

/** An independent in-memory SQLite database starting from `image`; writes never reach the image. */
export function openSqliteImage(image: Buffer): DatabaseHandle {
  return openSqlite(image);
}

/** Opens SQLite (default `data/mieruka.sqlite`) or PostgreSQL from `DATABASE_URL`. */
export function openDatabase(
  url = process.env.DATABASE_URL,
  options: OpenDatabaseOptions = {},
): DatabaseHandle {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'postgres'
    ? openPostgres(target.connectionString, options.pool)
    : openSqlite(target.path, options.writeWaitSeconds);
}
