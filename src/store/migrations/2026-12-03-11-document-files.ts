/**
 * Source documents registered by staff (their kind column comes from 2026-12-03-09-document-kind): the file staff uploaded with the text its line references count in. Documents of a dataset folder keep their
 * text in a file beside it (`source_document.file`); registered ones keep it here, so a backup holds it too.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_file')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('source_document.id'))
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    .addColumn('byte_size', 'integer')
    .addColumn('sha256', 'text')
    // bytea is PostgreSQL's binary type; SQLite stores a Buffer as a blob whatever the declared type.
    .addColumn('content', 'bytea')
    .addColumn('text', 'text')
    .addColumn('text_origin', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_file').execute();
}
