/** Adding users and the admin's changes to them: role, department nodes, disabled, password. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, can } from '../../domain/editing/permissions.ts';
import type { NewUser, Result, User, UserChange } from '../editing/contract.ts';
import { withEditingTables } from '../editing/tables.ts';
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
});
const userChangeSchema = z.object({
  role: roleSchema.optional(),
  nodeIds: nodeIdsSchema.optional(),
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

export async function listUsers(database: Kysely<Database>): Promise<User[]> {
  const rows = await withEditingTables(database)
    .selectFrom('user_account')
    .selectAll()
    .orderBy('login')
    .execute();
  return rows.map(userFromRow);
}

export async function addUser(database: Kysely<Database>, input: NewUser, now: Date): Promise<Result<User>> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid', issues: fieldIssues(parsed.error) } };
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
  set: { role?: string; node_ids?: string | null; disabled?: number; password?: string },
  now: Date,
): Promise<Result<User>> {
  if (!can(actor, 'manage_users')) return forbidden;
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

/** True when the user is the only admin still enabled: removing them would lock everyone out of user management. */
async function isLastActiveAdmin(database: Kysely<Database>, userId: string): Promise<boolean> {
  const admins = await withEditingTables(database)
    .selectFrom('user_account')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
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
  if ((role !== undefined && role !== 'admin') || disabled === true) {
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
