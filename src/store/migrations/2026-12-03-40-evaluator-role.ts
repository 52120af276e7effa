/**
 * The evaluator role: management or a committee's secretariat, who sign the later stages of the evaluation cycle
 * (二次評価, 外部評価, 最終判断) and do nothing else. Only the CHECK on user_account.role widens; no column changes.
 * PostgreSQL alters the constraint; SQLite, which cannot, rebuilds the table from its own stored definition (the
 * columns it has now, whatever they are) with the one word added, the way SQLite's documentation prescribes.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
type Db = Kysely<any>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;
const without = "role in ('admin', 'editor', 'viewer')";
const withEvaluator = "role in ('admin', 'editor', 'viewer', 'evaluator')";

async function setRoles(db: Db, from: string, to: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table user_account drop constraint if exists user_account_role_check`.execute(db);
    await sql`alter table user_account add constraint user_account_role_check check (${sql.raw(to)})`.execute(
      db,
    );
    return;
  }
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master
    where type = 'table' and name = 'user_account'`.execute(db);
  const definition = rows[0]?.sql ?? '';
  if (definition.includes(to)) return;
  if (!definition.includes(from))
    throw new Error(
      `user_account の role の制約が想定と違います (unexpected role constraint): ${definition}`,
    );
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master
    where type = 'index' and tbl_name = 'user_account' and sql is not null`.execute(db);
  const rebuilt = definition
    .replace(from, to)
    .replace(/^create table\s+("?)user_account\1/i, 'create table "user_account_rebuilt"');
  // Other tables refer to user_account: their references hold again once the rebuilt table takes its name.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    await sql.raw(rebuilt).execute(db);
    await sql`insert into user_account_rebuilt select * from user_account`.execute(db);
    await sql`drop table user_account`.execute(db);
    await sql`alter table user_account_rebuilt rename to user_account`.execute(db);
    for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error('外部キーが壊れました (foreign keys broken)');
    await sql`commit`.execute(db);
  } catch (error) {
    await sql`rollback`.execute(db);
    throw error;
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: Db): Promise<void> {
  await setRoles(db, without, withEvaluator);
}

export async function down(db: Db): Promise<void> {
  await setRoles(db, withEvaluator, without);
}
