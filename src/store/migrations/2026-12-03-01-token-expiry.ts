/**
 * API tokens expire: `expires_at` is chosen when a token is issued. Tokens issued before this step get 90 days
 * from the upgrade, so no script that uses one stops working on the day the site is upgraded.
 * `last_used_at` already exists; it is now written at most once a minute.
 */
import type { Kysely } from 'kysely';

const upgradeGraceDays = 90;

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_token').addColumn('expires_at', 'text').execute();
  const graceEnd = new Date(Date.now() + upgradeGraceDays * 86_400_000).toISOString();
  await db.updateTable('api_token').set({ expires_at: graceEnd }).where('expires_at', 'is', null).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_token').dropColumn('expires_at').execute();
}
