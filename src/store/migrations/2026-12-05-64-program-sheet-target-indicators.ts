/**
 * A 事務事業評価シート's 対象指標 (how many the program serves: 対象者数, 対象施設数) beside its 活動指標 and 成果指標:
 * a JSON array of indicator ids like theirs. Sheets stored before name none.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('program_sheet')
    .addColumn('target_indicator_ids', 'text', (c) => c.notNull().defaultTo(sql.lit('[]')))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('program_sheet').dropColumn('target_indicator_ids').execute();
}
