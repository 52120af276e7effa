/**
 * One index on an indicator's values instead of two (issue 11: an import writes every index of every row it adds).
 * `indicator_value_series_idx` (indicator_id, role, fiscal_year) serves every query that reads the table, so the
 * older `indicator_value_indicator_id_idx` (indicator_id, role, position) goes. `npx tsx bench/indicator-value-plans.ts`
 * explains each of them on both databases (20 synthetic municipalities and the import bench's 20,000 monthly values):
 * already before this step neither SQLite nor PostgreSQL chose the older index for any of them, and after it no plan
 * changed.
 * - Values of a plan, a node or one indicator (plan and node pages, the API, JSON and CSV exports, publish and
 *   verify) and the import's stored values: the series index on indicator_id (and role). Their ORDER BY position
 *   sorts the rows read whatever the index: they span several indicators, and the older index had role between
 *   indicator_id and position, so it never gave one indicator's values in position order either.
 * - Each series' first and last 年度 (pages) and the comparison's last 年度 per indicator: the series index alone
 *   (covering on SQLite, an index-only scan backward on PostgreSQL), which the older index could not serve.
 * - Whether an indicator has observations (comparison counts) and its values before a delete: indicator_id (and role).
 * Dropping an index is instant; the raw insert of bench/import.ts writes 6–9% less with one index than with two.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_value_indicator_id_idx').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('indicator_value_indicator_id_idx')
    .on('indicator_value')
    .columns(['indicator_id', 'role', 'position'])
    .execute();
}
