/** An organization named by its id or its 団体コード (6 digits, or the 5 without the check digit), as staff type it. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * The id of the organization the reference names, or undefined when none does.
 * @example await organizationIdFor(db, '202088') // 'komoro'
 */
export async function organizationIdFor(
  db: Kysely<Database>,
  reference: string,
): Promise<string | undefined> {
  const byId = await db
    .selectFrom('organization')
    .select('id')
    .where('id', '=', reference)
    .executeTakeFirst();
  if (byId) return byId.id;
  if (!/^\d{5,6}$/.test(reference)) return undefined;
  const byCode = await db
    .selectFrom('organization')
    .select(['id', 'municipality_code'])
    .where('municipality_code', 'like', `${reference.slice(0, 5)}%`)
    .execute();
  return byCode.find((row) => (row.municipality_code ?? '').startsWith(reference))?.id;
}

/** Every published plan's organization, plan id → organization id: what an import scoped to one city checks rows against. */
export async function planOrganizationIds(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('plan').select(['id', 'organization_id']).execute();
  return new Map(rows.map((row) => [row.id, row.organization_id]));
}
