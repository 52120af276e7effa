/**
 * Adding users and the admin's changes to them: role, department nodes, organization, disabled, password.
 * An organization's admin manages only that organization's accounts; operator-wide accounts are the operator's.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, can } from '../../domain/editing/permissions.ts';
import type { EditingError, NewUser, Result, User, UserChange } from '../editing/contract.ts';
import { withEditingTables } from '../editing/tables.ts';
import { organizationIdFor } from '../registry/organization-ref.ts';
import type { Database } from '../schema.ts';
import { hashPassword } from './password.ts';
import { deleteUserSessions } from './sessions.ts';
import {
  fieldIssues,
  loginSchema,
  nodeIdsSchema,
  passwordSchema,
  roleSchema,
  userFromRow,
} from './user-rows.ts';

const newUserSchema = z.object({
  login: loginSchema,
  password: passwordSchema,
  role: roleSchema,
  nodeIds: nodeIdsSchema.optional(),
  organizationId: z.string().min(1).nullable().optional(),
});
const userChangeSchema = z.object({
  role: roleSchema.optional(),
  nodeIds: nodeIdsSchema.optional(),
  organizationId: z.string().min(1).nullable().optional(),
  disabled: z.boolean().optional(),
});

const forbidden = {
  ok: false,
  error: { code: 'forbidden', message: 'ユーザーを管理する権限がありません (only admins manage users)' },
} as const;

export async function getUser(database: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await withEditingTables(database)
    .selectFrom('user_account')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && userFromRow(row);
}

export async function findUserByLogin(database: Kysely<Database>, login: string): Promise<User | undefined> {
  const row = await withEditingTables(database)
    .selectFrom('user_account')
    .selectAll()
    .where('login', '=', login)
    .executeTakeFirst();
  return row && userFromRow(row);
}

export async function listUsers(database: Kysely<Database>, organizationId?: string): Promise<User[]> {
  let query = withEditingTables(database).selectFrom('user_account').selectAll().orderBy('login');
  if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
  return (await query.execute()).map(userFromRow);
}

const unknownOrganization = (reference: string): { ok: false; error: EditingError } => ({
  ok: false,
  error: {
    code: 'invalid',
    issues: [
      { field: 'organizationId', message: `「団体」が見つかりません (organization not found): ${reference}` },
    ],
  },
});

/** The stored id for an organization given by id or 団体コード; null stays null (operator-wide). */
async function organizationOf(
  database: Kysely<Database>,
  reference: string | null | undefined,
): Promise<{ ok: true; id: string | null } | { ok: false; reference: string }> {
  if (reference === null || reference === undefined) return { ok: true, id: null };
  const id = await organizationIdFor(database, reference);
  return id === undefined ? { ok: false, reference } : { ok: true, id };
}

/**
 * A new account. Without an actor (the CLI bootstrapping the first admin) anything goes; an admin adds accounts
 * only within their own organization, and a scoped admin's new accounts are scoped to it when none is named.
 */
export async function addUser(
  database: Kysely<Database>,
  input: NewUser,
  now: Date,
  actor?: Actor,
): Promise<Result<User>> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid', issues: fieldIssues(parsed.error) } };
  const organization = await organizationOf(
    database,
    parsed.data.organizationId === undefined ? actor?.organizationId : parsed.data.organizationId,
  );
  if (!organization.ok) return unknownOrganization(organization.reference);
  if (actor && !can(actor, 'manage_users', { organizationId: organization.id })) return forbidden;
  if (await findUserByLogin(database, parsed.data.login))
    return {
      ok: false,
      error: {
        code: 'invalid',
        issues: [
          {
            field: 'login',
            message: `このログイン名は使われています (login already taken): ${parsed.data.login}`,
          },
        ],
      },
    };
  const at = now.toISOString();
  const row = {
    id: randomUUID(),
    login: parsed.data.login,
    role: parsed.data.role,
    node_ids: parsed.data.nodeIds ? JSON.stringify(parsed.data.nodeIds) : null,
    organization_id: organization.id,
    disabled: 0,
    password: await hashPassword(parsed.data.password),
    created_at: at,
    updated_at: at,
  };
  await withEditingTables(database).insertInto('user_account').values(row).execute();
  return { ok: true, value: userFromRow({ ...row, version: 1 }) };
}

async function changeUser(
  database: Kysely<Database>,
  actor: Actor,
  userId: string,
  set: {
    role?: string;
    node_ids?: string | null;
    organization_id?: string | null;
    disabled?: number;
    password?: string;
  },
  now: Date,
): Promise<Result<User>> {
  const target = await getUser(database, userId);
  if (!target) return { ok: false, error: { code: 'not_found', entity: 'user', id: userId } };
  // Both the account as it is and as it would be must lie in the admin's organization.
  if (!can(actor, 'manage_users', { organizationId: target.organizationId })) return forbidden;
  if (
    set.organization_id !== undefined &&
    !can(actor, 'manage_users', { organizationId: set.organization_id })
  )
    return forbidden;
  const db = withEditingTables(database);
  const result = await db
    .updateTable('user_account')
    .set((eb) => ({ ...set, updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    return { ok: false, error: { code: 'not_found', entity: 'user', id: userId } };
  const user = await getUser(database, userId);
  if (!user) return { ok: false, error: { code: 'not_found', entity: 'user', id: userId } };
  return { ok: true, value: user };
}

/**
 * True when the user is the only operator-wide admin still enabled: removing them would lock everyone out of
 * managing operator-wide accounts and creating organizations.
 */
async function isLastActiveAdmin(database: Kysely<Database>, userId: string): Promise<boolean> {
  const admins = await withEditingTables(database)
    .selectFrom('user_account')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('organization_id', 'is', null)
    .execute();
  return admins.length === 1 && admins[0]?.id === userId;
}

export async function updateUser(
  database: Kysely<Database>,
  actor: Actor,
  userId: string,
  change: UserChange,
  now: Date,
): Promise<Result<User>> {
  const parsed = userChangeSchema.safeParse(change);
  if (!parsed.success) return { ok: false, error: { code: 'invalid', issues: fieldIssues(parsed.error) } };
  const { role, nodeIds, disabled } = parsed.data;
  if (!can(actor, 'manage_users')) return forbidden;
  // Another organization's account is refused before anything about it (is it the last admin?) is said.
  const target = await getUser(database, userId);
  if (target && !can(actor, 'manage_users', { organizationId: target.organizationId })) return forbidden;
  const organization = await organizationOf(database, parsed.data.organizationId);
  if (!organization.ok) return unknownOrganization(organization.reference);
  const scoping = parsed.data.organizationId !== undefined && parsed.data.organizationId !== null;
  if ((role !== undefined && role !== 'admin') || disabled === true || scoping) {
    const lastAdmin = await isLastActiveAdmin(database, userId);
    if (lastAdmin)
      return {
        ok: false,
        error: {
          code: 'invalid',
          issues: [
            {
              field: 'role',
              message: '最後の管理者は変更できません (cannot demote or disable the last admin)',
            },
          ],
        },
      };
  }
  const set = {
    ...(role !== undefined && { role }),
    ...(nodeIds !== undefined && { node_ids: nodeIds === null ? null : JSON.stringify(nodeIds) }),
    ...(disabled !== undefined && { disabled: disabled ? 1 : 0 }),
    ...(parsed.data.organizationId !== undefined && { organization_id: organization.id }),
  };
  const result = await changeUser(database, actor, userId, set, now);
  if (result.ok && disabled) await deleteUserSessions(database, userId);
  return result;
}

export async function resetPassword(
  database: Kysely<Database>,
  actor: Actor,
  userId: string,
  password: string,
  now: Date,
): Promise<Result<User>> {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success)
    return { ok: false, error: { code: 'invalid', issues: fieldIssues(parsed.error, 'password') } };
  if (!can(actor, 'manage_users')) return forbidden;
  const result = await changeUser(
    database,
    actor,
    userId,
    { password: await hashPassword(parsed.data) },
    now,
  );
  if (result.ok) await deleteUserSessions(database, userId);
  return result;
}
