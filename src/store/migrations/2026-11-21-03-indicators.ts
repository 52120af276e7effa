/** Indicators and their values (baseline, target, observations) and the figures a source printed already derived. */
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

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
      .createTable('indicator')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('node_id', 'text', (c) => c.notNull().references('node.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('cumulative', 'integer', (c) => c.notNull())
      .addColumn('highlight', 'integer', (c) => c.notNull())
      .addColumn('achievement_formula', 'text')
      .addColumn('description', 'text'),
  ).execute();
  await db.schema
    .createIndex('indicator_node_id_idx')
    .on('indicator')
    .columns(['node_id', 'position'])
    .execute();

  await versioned(
    db.schema
      .createTable('indicator_value')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('baseline', 'target', 'observation')`))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('text', 'text')
      .addColumn('date', 'text')
      .addColumn('fiscal_year', 'integer')
      .addColumn('qualifier', 'text')
      .addColumn('out_of', 'double precision')
      .addColumn('rank_of', 'integer')
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
      .addColumn('note', 'text'),
  ).execute();
  await db.schema
    .createIndex('indicator_value_indicator_id_idx')
    .on('indicator_value')
    .columns(['indicator_id', 'role', 'position'])
    .execute();
  await db.schema
    .createIndex('indicator_value_source_id_idx')
    .on('indicator_value')
    .column('source_id')
    .execute();

  await versioned(
    db.schema
      .createTable('reported_figure')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('qualifier', 'text')
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id')),
  ).execute();
  await db.schema
    .createIndex('reported_figure_indicator_id_idx')
    .on('reported_figure')
    .columns(['indicator_id', 'position'])
    .execute();
  await db.schema
    .createIndex('reported_figure_source_id_idx')
    .on('reported_figure')
    .column('source_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['reported_figure', 'indicator_value', 'indicator']) {
    await db.schema.dropTable(table).execute();
  }
}
