/** Staff editing: user accounts, sessions, login throttling, API tokens, drafts, and the hash-chained revision log. */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
async function accounts(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'editor', 'viewer')`))
    // JSON array of node ids, or null for the whole site.
    .addColumn('node_ids', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON: { algorithm, salt, hash, N, r, p, keyLength }, so the parameters can be raised later.
    .addColumn('password', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_user_id_idx').on('session').column('user_id').execute();

  await db.schema
    .createTable('login_failure')
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failed_at', 'text', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_failure_pkey', ['login', 'address'])
    .execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('api_token_user_id_idx').on('api_token').column('user_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
async function drafts(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('draft_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create', 'update', 'delete')`))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('base_version', 'integer')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // One pending change per record: a second save updates it.
    .addUniqueConstraint('draft_change_entity_key', ['entity', 'entity_id'])
    .execute();
  await db.schema.createIndex('draft_change_plan_id_idx').on('draft_change').column('plan_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
async function revisions(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('revision')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('create', 'update', 'delete', 'publish', 'import')`),
    )
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('revision_entity_idx')
    .on('revision')
    .columns(['entity', 'entity_id', 'seq'])
    .execute();

  // One row, updated by every append: its row lock serializes writers so the chain cannot fork.
  await db.schema
    .createTable('revision_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('revision_head')
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await accounts(db);
  await drafts(db);
  await revisions(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'revision_head',
    'revision',
    'draft_change',
    'api_token',
    'login_failure',
    'session',
    'user_account',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
