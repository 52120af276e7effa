/**
 * The web half of the permission check: every write route asks `can()` before calling the store, which asks
 * again with the record's place in the tree (department scope). Browsers get a page, the API gets `{ error }`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { can, type EditingAction, inOrganization } from '../../domain/editing/permissions.ts';
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { User } from '../../store/editing/contract.ts';
import { StatusPage } from './StatusPage.tsx';
import type { StaffEnv } from './staff-env.ts';

const isApi = (c: Context) => c.req.path.startsWith('/api/');

export const unauthenticatedMessage = 'ログインが必要です (authentication required)';
export const forbiddenMessage = 'この操作を行う権限がありません (you are not allowed to do this)';

export function unauthenticated(c: Context) {
  if (isApi(c)) {
    // An expired or revoked token says so, rather than only "authentication required".
    const message = (c.get('authRefusal') as string | undefined) ?? unauthenticatedMessage;
    return c.json({ error: { code: 'unauthenticated', message } }, 401);
  }
  const next = encodeURIComponent(new URL(c.req.url).pathname);
  return c.redirect(`/login?next=${next}`, 303);
}

export function forbidden(c: Context, message = forbiddenMessage) {
  if (isApi(c)) return c.json({ error: { code: 'forbidden', message } }, 403);
  return c.html(<StatusPage title="権限がありません (forbidden)" message={message} />, 403);
}

/** Signed-in users only; anyone else goes to the login page (or gets 401 from the API). */
export function requireUser(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (!c.var.user) return unauthenticated(c);
    await next();
  };
}

/**
 * Whether the user's role allows the action at all. The department scope needs the record's place in the
 * tree, which only the store knows, so a scoped editor is let through here and refused there if out of scope.
 * @example mayAttempt(viewer, 'update', 'node') // false
 */
export function mayAttempt(user: User, action: EditingAction, entity?: EditingEntity): boolean {
  const roleOnly = entity === 'plan' ? user : { ...user, nodeIds: null };
  return can(roleOnly, action, entity === undefined ? {} : { entity });
}

/** Refuses (403) a signed-in user whose role may not take the action; 401/redirect when not signed in. */
export function requirePermission(
  action: EditingAction,
  entity?: EditingEntity,
): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const user = c.var.user;
    if (!user) return unauthenticated(c);
    if (!mayAttempt(user, action, entity)) return forbidden(c);
    await next();
  };
}

/**
 * Whether the user works in the organization: an operator-wide user in every one, a scoped user in their own.
 * undefined (no such record) passes, so the route answers its own 404.
 * @example reaches(komoroEditor, 'hirakata') // false
 */
export function reaches(user: User, organizationId: string | null | undefined): boolean {
  return organizationId === undefined || inOrganization(user, { organizationId });
}

/**
 * The organization check of a staff route that shows or changes a record: 403 unless the record (its draft
 * included) belongs to the user's organization, as the store derives it through the record's plan.
 */
export async function refuseOtherOrganization(
  c: Context<StaffEnv>,
  entity: EditingEntity,
  id: string,
): Promise<Response | undefined> {
  const user = c.var.user;
  if (!user || user.organizationId === null) return undefined;
  if (reaches(user, await c.var.editing.organizationOf(entity, id))) return undefined;
  return forbidden(c, otherOrganizationMessage);
}

export const otherOrganizationMessage =
  '他の団体の記録です。所属する団体の記録だけを扱えます (this belongs to another organization)';

/**
 * Publishing is admin-only (issue 5); `can()` holds that rule.
 * @example mayPublish(editor) // false
 */
export function mayPublish(user: User): boolean {
  return can(user, 'publish');
}
