/** Organizations, their source documents, and the source references (document + line) every fact points to. */
import type { CreateTableBuilder, Kysely } from 'kysely';

// Frozen copy, not imported: a migration must keep meaning what it meant when it ran.
function versioned<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await versioned(
    db.schema
      .createTable('organization')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text')
      .addColumn('prefecture', 'text')
      .addColumn('url', 'text'),
  ).execute();

  await versioned(
    db.schema
      .createTable('source_document')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('publisher', 'text')
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('file', 'text')
      .addColumn('url', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema
    .createIndex('source_document_organization_id_idx')
    .on('source_document')
    .columns(['organization_id', 'position'])
    .execute();

  await versioned(
    db.schema
      .createTable('source')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('source_document.id'))
      .addColumn('section', 'text')
      .addColumn('line', 'integer')
      .addColumn('page', 'integer')
      .addColumn('quote', 'text')
      .addColumn('url', 'text'),
  ).execute();
  await db.schema.createIndex('source_document_id_idx').on('source').column('document_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('source').execute();
  await db.schema.dropTable('source_document').execute();
  await db.schema.dropTable('organization').execute();
}
