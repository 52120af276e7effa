/**
 * `/admin/users` and `/admin/tokens`: admin-only account management. An organization's admin lists and manages
 * only that organization's accounts (the store refuses the rest); the operator manages every account.
 */
import { Hono } from 'hono';
import { type Role, roles } from '../../domain/editing/permissions.ts';
import { forbidden, requirePermission } from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { badRequest } from '../http-error.ts';
import { csrfOf, formBody, type StaffContext, staffUser } from './staff-context.ts';
import { UsersPage, type UsersPageProps } from './UsersPage.tsx';

const users = new Hono<StaffEnv>();
users.use('/users/*', requirePermission('manage_users'));
users.use('/users', requirePermission('manage_users'));
users.use('/tokens/*', requirePermission('manage_tokens'));

async function render(c: StaffContext, extra: Partial<UsersPageProps> = {}, status: 200 | 400 = 200) {
  const user = staffUser(c);
  const listed = await c.var.accounts.listUsers(user.organizationId ?? undefined);
  const ids = new Set(listed.map((account) => account.id));
  const tokens = (await c.var.accounts.listApiTokens()).filter((token) => ids.has(token.userId));
  const organizations = user.organizationId === null ? await c.var.store.listOrganizations() : [];
  const page = (
    <UsersPage
      user={user}
      users={listed}
      tokens={tokens}
      organizations={organizations}
      csrfToken={csrfOf(c)}
      {...extra}
    />
  );
  return c.html(page, status);
}

function roleOf(value: string | undefined): Role {
  if ((roles as readonly string[]).includes(value ?? '')) return value as Role;
  throw badRequest(
    'role',
    `「役割」は ${roles.join(' / ')} のいずれかです (role must be one of ${roles.join(', ')})`,
  );
}

/** "a b, c" → ['a', 'b', 'c']; blank → null (the whole site). */
const nodeIdsOf = (value: string | undefined) => {
  const ids = (value ?? '').split(/[\s,、]+/).filter((id) => id !== '');
  return ids.length > 0 ? ids : null;
};

function outcome(c: StaffContext, result: { ok: boolean; error?: { code: string; message?: string } }) {
  if (result.ok) return c.redirect('/admin/users', 303);
  if (result.error?.code === 'forbidden') return forbidden(c, result.error.message);
  throw badRequest(
    '',
    `変更できませんでした (could not change): ${result.error?.message ?? result.error?.code}`,
  );
}

users.get('/users', (c) => render(c));

users.post('/users', async (c) => {
  const body = await formBody(c);
  const typed = {
    login: body.login ?? '',
    role: body.role ?? '',
    nodeIds: body.nodeIds ?? '',
    organizationId: body.organizationId ?? '',
  };
  // Absent: the adding admin's own organization; blank: operator-wide (the store lets only the operator do that).
  const organization =
    body.organizationId === undefined ? {} : { organizationId: body.organizationId.trim() || null };
  const result = await c.var.accounts.addUser(
    {
      login: typed.login.trim(),
      password: body.password ?? '',
      role: roleOf(body.role),
      nodeIds: nodeIdsOf(body.nodeIds),
      ...organization,
    },
    staffUser(c),
  );
  if (result.ok) return c.redirect('/admin/users', 303);
  if (result.error.code === 'forbidden') return forbidden(c, result.error.message);
  const error =
    result.error.code === 'invalid' ? result.error.issues.map((i) => i.message).join(' ') : result.error.code;
  return render(c, { error, typed }, 400);
});

users.post('/users/:id', async (c) => {
  const body = await formBody(c);
  const change = {
    role: roleOf(body.role),
    nodeIds: nodeIdsOf(body.nodeIds),
    ...(body.organizationId === undefined ? {} : { organizationId: body.organizationId.trim() || null }),
  };
  return outcome(c, await c.var.accounts.updateUser(staffUser(c), c.req.param('id'), change));
});

users.post('/users/:id/disable', async (c) =>
  outcome(c, await c.var.accounts.updateUser(staffUser(c), c.req.param('id'), { disabled: true })),
);

users.post('/users/:id/enable', async (c) =>
  outcome(c, await c.var.accounts.updateUser(staffUser(c), c.req.param('id'), { disabled: false })),
);

users.post('/users/:id/tokens', async (c) => {
  const body = await formBody(c);
  const label = (body.label ?? '').trim() || 'api';
  // Blank means the default; anything else must read as the whole number of days the store accepts.
  const days = (body.expiresInDays ?? '').trim();
  const organizationId = (body.organizationId ?? '').trim();
  const options = {
    ...(days === '' ? {} : { expiresInDays: Number(days) }),
    ...(organizationId === '' ? {} : { organizationId }),
  };
  const result = await c.var.accounts.issueApiToken(staffUser(c).id, c.req.param('id'), label, options);
  if (!result.ok && result.error.code === 'invalid') {
    return render(c, { error: result.error.issues.map((i) => i.message).join(' ') }, 400);
  }
  if (!result.ok) return outcome(c, result);
  // The token is shown in this response only; the page is no-store like every staff page.
  return render(c, { newToken: result.value.token });
});

users.post('/tokens/:id/revoke', async (c) =>
  outcome(c, await c.var.accounts.revokeApiToken(staffUser(c).id, c.req.param('id'))),
);

export default users;
