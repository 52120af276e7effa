/** Plans, their statements, the node tree, links between nodes of successive plans, achievements and evaluations. */
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
      .createTable('plan')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('subtitle', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_on', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
      .addColumn('status_vocabulary', 'text')
      .addColumn('achievement_formula', 'text', (c) => c.notNull())
      .addColumn('rating_scale', 'text')
      // No foreign key: the plan followed may belong to a dataset loaded later.
      .addColumn('follows', 'text'),
  ).execute();
  await db.schema
    .createIndex('plan_organization_id_idx')
    .on('plan')
    .columns(['organization_id', 'published_on'])
    .execute();
  await db.schema.createIndex('plan_source_id_idx').on('plan').column('source_id').execute();

  await versioned(
    db.schema
      .createTable('plan_statement')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id')),
  ).execute();
  await db.schema
    .createIndex('plan_statement_plan_id_idx')
    .on('plan_statement')
    .columns(['plan_id', 'position'])
    .execute();
  await db.schema
    .createIndex('plan_statement_source_id_idx')
    .on('plan_statement')
    .column('source_id')
    .execute();

  await versioned(
    db.schema
      .createTable('node')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
      .addColumn('parent_id', 'text', (c) => c.references('node.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('slogan', 'text')
      .addColumn('vision_phrase', 'text')
      .addColumn('description', 'text')
      .addColumn('status', 'text')
      .addColumn('status_date', 'text')
      .addColumn('status_source_id', 'text', (c) => c.references('source.id'))
      .addColumn('source_id', 'text', (c) => c.references('source.id')),
  ).execute();
  await db.schema.createIndex('node_plan_id_idx').on('node').column('plan_id').execute();
  await db.schema.createIndex('node_parent_id_idx').on('node').columns(['parent_id', 'position']).execute();
  await db.schema.createIndex('node_status_source_id_idx').on('node').column('status_source_id').execute();
  await db.schema.createIndex('node_source_id_idx').on('node').column('source_id').execute();

  await db.schema
    .createTable('node_link')
    .addColumn('node_id', 'text', (c) => c.notNull().references('node.id'))
    // No foreign key: the earlier plan's node may belong to a dataset loaded later.
    .addColumn('continues_node_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('node_link_pkey', ['node_id', 'continues_node_id'])
    .execute();
  await db.schema
    .createIndex('node_link_continues_node_id_idx')
    .on('node_link')
    .column('continues_node_id')
    .execute();

  await versioned(
    db.schema
      .createTable('achievement')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('node_id', 'text', (c) => c.notNull().references('node.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('date_basis', 'text', (c) => c.notNull())
      .addColumn('highlight', 'integer', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id')),
  ).execute();
  await db.schema
    .createIndex('achievement_node_id_idx')
    .on('achievement')
    .columns(['node_id', 'position'])
    .execute();
  await db.schema.createIndex('achievement_source_id_idx').on('achievement').column('source_id').execute();

  await versioned(
    db.schema
      .createTable('evaluation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('node_id', 'text', (c) => c.notNull().references('node.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('fiscal_year', 'integer')
      .addColumn('evaluated_at', 'text')
      .addColumn('evaluator_kind', 'text', (c) => c.notNull())
      .addColumn('evaluator_name', 'text', (c) => c.notNull())
      .addColumn('scale', 'text', (c) => c.notNull())
      .addColumn('grade', 'text')
      .addColumn('score', 'double precision')
      .addColumn('max_score', 'double precision')
      .addColumn('comment', 'text')
      .addColumn('next_step', 'text')
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id')),
  ).execute();
  await db.schema
    .createIndex('evaluation_node_id_idx')
    .on('evaluation')
    .columns(['node_id', 'position'])
    .execute();
  await db.schema.createIndex('evaluation_source_id_idx').on('evaluation').column('source_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['evaluation', 'achievement', 'node_link', 'node', 'plan_statement', 'plan']) {
    await db.schema.dropTable(table).execute();
  }
}
