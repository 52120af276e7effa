/** Small readers of the staff context that every admin handler needs. */
import type { Context } from 'hono';
import { type EditingEntity, editingEntities } from '../../domain/editing/records.ts';
import type { User } from '../../store/editing/contract.ts';
import { csrfTokenFor } from '../auth/csrf.ts';
import type { StaffEnv } from '../auth/staff-env.ts';
import { notFound } from '../http-error.ts';

export type StaffContext = Context<StaffEnv>;

/** The signed-in user; admin routes sit behind requireUser, so a missing one is a wiring mistake. */
export function staffUser(c: StaffContext): User {
  const user = c.var.user;
  if (!user) throw new Error('admin route reached without a user: requireUser() is missing');
  return user;
}

export function csrfOf(c: StaffContext): string {
  return csrfTokenFor(c.var.sessionToken ?? '');
}

/** The `:entity` path parameter, or a 404 naming it. */
export function entityParam(c: StaffContext): EditingEntity {
  const value = c.req.param('entity') ?? '';
  if ((editingEntities as readonly string[]).includes(value)) return value as EditingEntity;
  throw notFound('種類', 'entity', value);
}

/** A form's version field: "" (a create) is null; anything else must be a whole number. */
export function versionOf(value: unknown): number | null | 'invalid' {
  if (value === undefined || value === '') return null;
  const version = Number(value);
  return Number.isInteger(version) && version >= 0 ? version : 'invalid';
}

export async function formBody(c: StaffContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') strings[key] = value;
  return strings;
}
