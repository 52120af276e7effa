/**
 * Two things pages need to cost the same at any size (issue 16):
 * - an index on an indicator's series by 年度, so the first and last 年度 of each series (what a summary reads)
 *   come from the index instead of every value row: a plan page over 100,000 values reads a few thousand;
 * - data_change, one row per bump of the data generation naming the organization written (null: any), so a page
 *   cache drops the pages of that organization and keeps the others'.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('indicator_value_series_idx')
    .on('indicator_value')
    .columns(['indicator_id', 'role', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('data_change')
    .addColumn('generation', 'integer', (c) => c.primaryKey())
    .addColumn('organization_id', 'text')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_change').execute();
  await db.schema.dropIndex('indicator_value_series_idx').execute();
}
