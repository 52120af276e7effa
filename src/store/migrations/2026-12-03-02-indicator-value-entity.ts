/**
 * The editing entity `observation` is called `indicatorValue` now (../shared/GLOSSARY.md: 指標の値, one name for the
 * record behind 基準値, 目標値 and 実績値). Pending drafts are renamed here; the hash-chained revision log is never
 * rewritten, so its older rows keep `observation` and readers map it (currentEntityName in
 * src/domain/editing/records.ts).
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('draft_change')
    .set({ entity: 'indicatorValue' })
    .where('entity', '=', 'observation')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('draft_change')
    .set({ entity: 'observation' })
    .where('entity', '=', 'indicatorValue')
    .execute();
}
