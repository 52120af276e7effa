/**
 * An index on an indicator's series by 年度, so the first and last 年度 of each series (what a summary reads) come
 * from the index instead of every value row: a plan page over 100,000 values reads a few thousand.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('indicator_value_series_idx')
    .on('indicator_value')
    .columns(['indicator_id', 'role', 'fiscal_year'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_value_series_idx').execute();
}
