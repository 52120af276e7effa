/**
 * Creating an organization from the staff screens: operator-wide admins only (a city's admin cannot add tenants), validated by the domain's schema (the
 * municipality code's check digit included), written with a 'create' revision in the same transaction.
 */
import type { Kysely } from 'kysely';
import { type Actor, can } from '../../domain/editing/permissions.ts';
import { type Organization, organizationSchema } from '../../domain/model.ts';
import { fieldIssues } from '../accounts/user-rows.ts';
import type { Result } from '../editing/contract.ts';
import { EditingRejection, forbidden, invalid, loadActor } from '../editing/rejection.ts';
import { appendRevision } from '../editing/revisions.ts';
import { organizationToRow } from '../records/document-rows.ts';
import type { Database } from '../schema.ts';

export const adminOnlyMessage = 'この操作は管理者だけができます (only an admin may do this)';
export const operatorOnlyMessage =
  '団体の追加は全団体の管理者だけができます (only an operator-wide admin may add organizations)';

/**
 * Throws the contract's 'forbidden' unless the actor (as stored now) is an admin of the organization the
 * record belongs to (any organization for an operator-wide admin).
 */
export async function requireAdmin(
  trx: Kysely<Database>,
  actorRef: Actor,
  organizationId: string,
): Promise<Actor> {
  const actor = await loadActor(trx, actorRef);
  if (!can(actor, 'publish', { organizationId })) throw new EditingRejection(forbidden(adminOnlyMessage));
  return actor;
}

/**
 * Stores a new organization, e.g. `await createOrganization(db, admin, { id: 'komoro', name: '小諸市', … })`.
 * A taken id is 'invalid' on the id field; the record is public at once (an organization has no draft).
 */
export async function createOrganization(
  db: Kysely<Database>,
  actorRef: Actor,
  input: unknown,
): Promise<Result<Organization>> {
  return EditingRejection.catch(() =>
    db.transaction().execute(async (trx) => {
      const actor = await loadActor(trx, actorRef);
      if (!can(actor, 'manage_organizations')) throw new EditingRejection(forbidden(operatorOnlyMessage));
      const parsed = organizationSchema.safeParse(input);
      if (!parsed.success) throw new EditingRejection(invalid(fieldIssues(parsed.error)));
      const organization = parsed.data;
      const taken = await trx
        .selectFrom('organization')
        .select('id')
        .where('id', '=', organization.id)
        .executeTakeFirst();
      if (taken)
        throw new EditingRejection(
          invalid([
            { field: 'id', message: `この ID は使われています (id already in use): ${organization.id}` },
          ]),
        );
      const stamp = new Date().toISOString();
      await trx
        .insertInto('organization')
        .values({ ...organizationToRow(organization), created_at: stamp, updated_at: stamp })
        .execute();
      await appendRevision(trx, {
        entity: 'organization',
        entityId: organization.id,
        planId: null,
        action: 'create',
        actor: actor.login,
        reason: null,
        before: null,
        after: organization,
        published: true,
      });
      return organization;
    }),
  );
}
