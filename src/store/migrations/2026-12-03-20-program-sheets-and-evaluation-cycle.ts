/**
 * Issue 14, the data of the トータルシステム: 事務事業評価 sheets with their money (yen, bigint), a 所管課 on every
 * node, the organization's own 観点 and 今後の方向性, a plan's published rollups, and evaluations that carry their
 * stage of the yearly cycle and may belong to a plan itself. `evaluation.node_id` becomes nullable, which SQLite
 * cannot alter in place, so the table is rebuilt (the same way on both databases) with `plan_id` filled from its node.
 */
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Frozen copy, not imported: a migration must keep meaning what it meant when it ran.
function versioned<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

const oldEvaluationColumns = [
  'id',
  'node_id',
  'position',
  'fiscal_year',
  'evaluated_at',
  'evaluator_kind',
  'evaluator_name',
  'scale',
  'grade',
  'score',
  'max_score',
  'comment',
  'next_step',
  'source_id',
  'version',
  'created_at',
  'updated_at',
];

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
async function createEvaluation(db: Kysely<any>, name: string, nodeRequired: boolean): Promise<void> {
  let table = db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('node_id', 'text', (c) => (nodeRequired ? c.notNull() : c).references('node.id'));
  if (!nodeRequired) table = table.addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'));
  table = table
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
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'));
  if (!nodeRequired)
    table = table
      .addColumn('score_unit', 'text')
      .addColumn('stage', 'text', (c) => c.check(sql`stage in ('first', 'second', 'external', 'final')`))
      .addColumn('viewpoints', 'text')
      .addColumn('budget_effect_direction', 'text')
      .addColumn('budget_effect_amount', 'bigint')
      .addColumn('budget_effect_text', 'text')
      .addColumn('signed_by', 'text')
      .addColumn('signed_at', 'text');
  await versioned(table).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
async function indexEvaluation(db: Kysely<any>, withPlan: boolean): Promise<void> {
  await db.schema
    .createIndex('evaluation_node_id_idx')
    .on('evaluation')
    .columns(['node_id', 'position'])
    .execute();
  await db.schema.createIndex('evaluation_source_id_idx').on('evaluation').column('source_id').execute();
  if (!withPlan) return;
  await db.schema
    .createIndex('evaluation_plan_id_idx')
    .on('evaluation')
    .columns(['plan_id', 'position'])
    .execute();
  // The database's own guard that a stage of one item and year is signed once, whatever the code does.
  await sql`create unique index evaluation_signed_stage_idx on evaluation
    (plan_id, coalesce(node_id, ''), coalesce(fiscal_year, 0), stage)
    where signed_at is not null and stage is not null`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organization').addColumn('evaluation_viewpoints', 'text').execute();
  await db.schema.alterTable('organization').addColumn('next_step_vocabulary', 'text').execute();
  await db.schema.alterTable('plan').addColumn('reported', 'text').execute();
  await db.schema.alterTable('node').addColumn('department', 'text').execute();

  await createEvaluation(db, 'evaluation_next', false);
  const columns = oldEvaluationColumns.map((c) => sql.ref(`evaluation.${c}`));
  await sql`insert into evaluation_next (${sql.join(oldEvaluationColumns.map((c) => sql.ref(c)))}, plan_id)
    select ${sql.join(columns)}, node.plan_id from evaluation inner join node on node.id = evaluation.node_id`.execute(
    db,
  );
  await db.schema.dropTable('evaluation').execute();
  await db.schema.alterTable('evaluation_next').renameTo('evaluation').execute();
  await indexEvaluation(db, true);

  await versioned(
    db.schema
      .createTable('program_sheet')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('node_id', 'text', (c) => c.notNull().references('node.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('target', 'text')
      .addColumn('intent', 'text')
      .addColumn('means', 'text')
      .addColumn('activity_indicator_ids', 'text', (c) => c.notNull())
      .addColumn('outcome_indicator_ids', 'text', (c) => c.notNull())
      .addColumn('unit_cost_indicator_id', 'text')
      .addColumn('budget_initial', 'bigint')
      .addColumn('budget_supplementary', 'bigint')
      .addColumn('budget_final', 'bigint')
      .addColumn('settlement', 'bigint')
      .addColumn('funding_national', 'bigint')
      .addColumn('funding_prefectural', 'bigint')
      .addColumn('funding_bonds', 'bigint')
      .addColumn('funding_other', 'bigint')
      .addColumn('funding_general', 'bigint')
      .addColumn('personnel_cost', 'bigint')
      .addColumn('staff_years', 'double precision')
      .addColumn('average_salary', 'bigint')
      .addColumn('other_cost', 'bigint')
      .addColumn('other_cost_label', 'text')
      .addColumn('reported', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('source_id', 'text', (c) => c.notNull().references('source.id')),
  ).execute();
  await db.schema
    .createIndex('program_sheet_node_year_idx')
    .on('program_sheet')
    .columns(['node_id', 'fiscal_year'])
    .unique()
    .execute();
  await db.schema
    .createIndex('program_sheet_source_id_idx')
    .on('program_sheet')
    .column('source_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('program_sheet').execute();
  // Evaluations of plans themselves have no node and cannot survive the old table.
  await createEvaluation(db, 'evaluation_previous', true);
  const columns = oldEvaluationColumns.map((c) => sql.ref(c));
  await sql`insert into evaluation_previous (${sql.join(columns)})
    select ${sql.join(columns)} from evaluation where node_id is not null`.execute(db);
  await db.schema.dropTable('evaluation').execute();
  await db.schema.alterTable('evaluation_previous').renameTo('evaluation').execute();
  await indexEvaluation(db, false);
  await db.schema.alterTable('node').dropColumn('department').execute();
  await db.schema.alterTable('plan').dropColumn('reported').execute();
  await db.schema.alterTable('organization').dropColumn('next_step_vocabulary').execute();
  await db.schema.alterTable('organization').dropColumn('evaluation_viewpoints').execute();
}
