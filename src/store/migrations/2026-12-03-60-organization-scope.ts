/**
 * Organizations as tenants: every account and API token is scoped to one organization, or (NULL) operator-wide.
 * Accounts and tokens that exist before this step stay NULL, so they keep the whole site they had.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_account').addColumn('organization_id', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('organization_id', 'text').execute();
  await db.schema
    .createIndex('user_account_organization')
    .on('user_account')
    .column('organization_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('user_account_organization').execute();
  await db.schema.alterTable('api_token').dropColumn('organization_id').execute();
  await db.schema.alterTable('user_account').dropColumn('organization_id').execute();
}
