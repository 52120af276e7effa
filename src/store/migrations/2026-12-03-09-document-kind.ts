/**
 * A source document says what kind it is (official, campaign, press, third_party), so every figure it backs can
 * say whether it comes from the city or, say, the mayor's support group. Documents stored before stay unknown (null).
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('source_document').addColumn('kind', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('source_document').dropColumn('kind').execute();
}
