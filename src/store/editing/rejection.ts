/**
 * Expected failures inside a transaction: thrown to roll it back, caught at the command's edge and returned
 * as the contract's `{ ok: false, error }`. Nothing else is caught.
 */
import type { Kysely } from 'kysely';
import { type Actor, actingOrganization } from '../../domain/editing/permissions.ts';
import { userFromRow } from '../accounts/user-rows.ts';
import type { Database } from '../schema.ts';
import type { EditingError, FieldIssue, Result } from './contract.ts';
import { withEditingTables } from './tables.ts';

export class EditingRejection extends Error {
  constructor(readonly error: EditingError) {
    super(error.code);
    this.name = 'EditingRejection';
  }

  /** Runs a command, turning a rejection into its error value. */
  static async catch<T>(command: () => Promise<T>): Promise<Result<T>> {
    try {
      return { ok: true, value: await command() };
    } catch (error) {
      if (error instanceof EditingRejection) return { ok: false, error: error.error };
      throw error;
    }
  }
}

export const invalid = (issues: FieldIssue[]): EditingError => ({ code: 'invalid', issues });
export const forbidden = (message: string): EditingError => ({ code: 'forbidden', message });

/**
 * The actor as stored now: a role changed or an account disabled since the session began counts. The
 * organization stays as narrow as the caller presented it (an API token scoped to one city), never wider.
 */
export async function loadActor(trx: Kysely<Database>, ref: Actor): Promise<Actor> {
  const row = await withEditingTables(trx)
    .selectFrom('user_account')
    .selectAll()
    .where('id', '=', ref.id)
    .executeTakeFirst();
  const actor = row && userFromRow(row);
  if (!actor || actor.disabled)
    throw new EditingRejection(forbidden('ログインし直してください (account unknown or disabled)'));
  const organizationId = actingOrganization(actor.organizationId, ref.organizationId ?? null);
  if (organizationId === undefined)
    throw new EditingRejection(
      forbidden(
        '所属する団体が変わりました。ログインし直してください (your organization changed; sign in again)',
      ),
    );
  return { ...actor, organizationId };
}
