/**
 * Evaluations become searchable: the search index accepts the type 'evaluation'. PostgreSQL swaps the CHECK
 * constraint; SQLite cannot alter one, so its table is copied into a new one (the FTS table keys on entry ids only).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

const withEvaluation = sql`type in ('plan', 'node', 'achievement', 'indicator', 'evaluation')`;
const withoutEvaluation = sql`type in ('plan', 'node', 'achievement', 'indicator')`;

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

// biome-ignore lint/suspicious/noExplicitAny: see above
async function replaceTypeCheck(db: Kysely<any>, check: ReturnType<typeof sql>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table search_entry drop constraint if exists search_entry_type_check`.execute(db);
    await sql`alter table search_entry add constraint search_entry_type_check check (${check})`.execute(db);
    return;
  }
  await db.schema
    .createTable('search_entry_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull().check(check))
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into search_entry_next select * from search_entry`.execute(db);
  await db.schema.dropTable('search_entry').execute();
  await db.schema.alterTable('search_entry_next').renameTo('search_entry').execute();
  await db.schema.createIndex('search_entry_plan_id_idx').on('search_entry').column('plan_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  await replaceTypeCheck(db, withEvaluation);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('search_entry').where('type', '=', 'evaluation').execute();
  if (!isPostgres(db)) {
    await sql`delete from search_fts where entry_id like 'evaluation:%'`.execute(db);
  }
  await replaceTypeCheck(db, withoutEvaluation);
}
