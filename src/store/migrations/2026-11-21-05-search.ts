/**
 * The search index and the data generation.
 * `search_entry` holds one row per searchable public record (plan, node, achievement, indicator), rebuilt by the
 * store after every write. SQLite adds an FTS5 trigram table over it; PostgreSQL a pg_trgm GIN index.
 * `data_generation` is one counter every write bumps, so page caches in any process can tell data changed.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

// Parallel migrations (test schemas) would race on creating the extension; the lock makes the second wait.
const extensionLock = 7_214_001;

/** The schema pg_trgm lives in after trying to install it, or undefined when the server lacks it. */
// biome-ignore lint/suspicious/noExplicitAny: see above
async function installTrigram(db: Kysely<any>): Promise<string | undefined> {
  const available = await sql<{ name: string }>`
    select name from pg_available_extensions where name = 'pg_trgm'`.execute(db);
  if (available.rows.length === 0) return undefined;
  await sql`select pg_advisory_xact_lock(${extensionLock})`.execute(db);
  await sql`savepoint install_pg_trgm`.execute(db);
  try {
    // In public, not the current schema: a test schema dropped with cascade would take the extension with it.
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`release savepoint install_pg_trgm`.execute(db);
  } catch {
    // Without the right to create extensions, search still works through ILIKE, only without an index.
    await sql`rollback to savepoint install_pg_trgm`.execute(db);
  }
  const installed = await sql<{ schema: string }>`
    select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(
    db,
  );
  return installed.rows[0]?.schema;
}

const lines = (...texts: (string | null)[]) => texts.filter((t) => !!t).join('\n');

/**
 * Indexes what a database already holds when it gains search. Frozen copy of the store's entry builder as it
 * is today; from here on the store's write path keeps the index.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
async function indexExisting(db: Kysely<any>): Promise<void> {
  const plans = await db
    .selectFrom('plan')
    .select(['id', 'title', 'title_en', 'subtitle', 'summary'])
    .execute();
  const nodes = await db
    .selectFrom('node')
    .select(['id', 'plan_id', 'position', 'title', 'title_en', 'slogan', 'vision_phrase', 'description'])
    .execute();
  const achievements = await db
    .selectFrom('achievement')
    .innerJoin('node', 'node.id', 'achievement.node_id')
    .select(['achievement.id', 'node.plan_id', 'achievement.node_id', 'achievement.position'])
    .select(['achievement.title', 'achievement.details', 'achievement.note'])
    .execute();
  const indicators = await db
    .selectFrom('indicator')
    .innerJoin('node', 'node.id', 'indicator.node_id')
    .select(['indicator.id', 'node.plan_id', 'indicator.node_id', 'indicator.position'])
    .select(['indicator.name', 'indicator.name_en', 'indicator.description'])
    .execute();
  const rows = [
    ...plans.map((r) => ['plan', r.id, r.id, null, 0, r.title, lines(r.subtitle, r.summary, r.title_en)]),
    ...nodes.map((r) => [
      'node',
      r.id,
      r.plan_id,
      r.id,
      r.position,
      r.title,
      lines(r.slogan, r.vision_phrase, r.description, r.title_en),
    ]),
    ...achievements.map((r) => [
      'achievement',
      r.id,
      r.plan_id,
      r.node_id,
      r.position,
      r.title,
      lines(r.details, r.note),
    ]),
    ...indicators.map((r) => [
      'indicator',
      r.id,
      r.plan_id,
      r.node_id,
      r.position,
      r.name,
      lines(r.description, r.name_en),
    ]),
  ].map(([type, id, plan_id, node_id, position, title, body]) => ({
    id: `${type}:${id}`,
    type,
    record_id: id,
    plan_id,
    node_id,
    position,
    title,
    body,
  }));
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('search_entry')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('plan', 'node', 'achievement', 'indicator')`),
    )
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_entry_plan_id_idx').on('search_entry').column('plan_id').execute();

  if (isPostgres(db)) {
    const schema = await installTrigram(db);
    if (schema !== undefined) {
      await sql`create index search_entry_text_trgm_idx on search_entry
        using gin ((title || ' ' || body) ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
    }
  } else {
    await sql`create virtual table search_fts using fts5(
      entry_id unindexed, title, body, tokenize = 'trigram')`.execute(db);
  }
  await indexExisting(db);
  if (!isPostgres(db)) {
    await sql`insert into search_fts (entry_id, title, body) select id, title, body from search_entry`.execute(
      db,
    );
  }

  await db.schema
    .createTable('data_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('data_generation').values({ id: 1, generation: 1 }).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_generation').execute();
  if (!isPostgres(db)) await db.schema.dropTable('search_fts').execute();
  // The extension stays: other schemas in the same database may use it.
  await db.schema.dropTable('search_entry').execute();
}
