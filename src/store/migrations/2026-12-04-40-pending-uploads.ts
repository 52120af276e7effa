/**
 * Uploads waiting between an import's preview and its confirmation (issue 16): in the database rather than in one
 * process's memory, so the confirmation may reach another node behind the load balancer than the preview did.
 * The browser holds a random token, the table only its SHA-256; each row is its uploader's, used once, and expires.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pending_upload')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    // bytea is PostgreSQL's binary type; SQLite stores a Buffer as a blob whatever the declared type.
    .addColumn('content', 'bytea', (c) => c.notNull())
    // What the preview was asked with (plan, sheet, column mapping, node) as JSON, read back through zod.
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pending_upload_user_idx')
    .on('pending_upload')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('pending_upload_expiry_idx')
    .on('pending_upload')
    .column('expires_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pending_upload').execute();
}
