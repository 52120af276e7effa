/** user_account rows as Users, and the checks a new login or password must pass. */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { roles } from '../../domain/editing/permissions.ts';
import type { FieldIssue, Role, User } from '../editing/contract.ts';
import type { UserAccountTable } from '../editing/tables.ts';
import { toBoolean, toNumber } from '../values.ts';

export const minPasswordLength = 10;

export const loginSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9._@-]{1,64}$/,
    'ログイン名は英数字と . _ @ - で64文字まで (login: letters, digits, . _ @ -, up to 64)',
  );
export const passwordSchema = z
  .string()
  .min(
    minPasswordLength,
    `パスワードは${minPasswordLength}文字以上にしてください (password: at least ${minPasswordLength} characters)`,
  );
export const roleSchema = z.enum(roles, {
  error: '役割は admin, editor, viewer のいずれかです (role: admin, editor or viewer)',
});
export const nodeIdsSchema = z.array(z.string().min(1)).nullable();

export function userFromRow(row: Selectable<UserAccountTable>): User {
  return {
    id: row.id,
    login: row.login,
    role: row.role as Role,
    nodeIds: row.node_ids === null ? null : (JSON.parse(row.node_ids) as string[]),
    organizationId: row.organization_id ?? null,
    disabled: toBoolean(row.disabled),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: toNumber(row.version),
  };
}

/** zod issues as the contract's per-field messages. */
export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.'),
    message: issue.message,
  }));
}
