/**
 * The admin's user list: add, change role and department, disable, and issue or revoke API tokens. An
 * organization's admin sees and adds only that organization's accounts; the operator chooses each account's.
 */
import { roles } from '../../domain/editing/permissions.ts';
import { defaultApiTokenDays, maxApiTokenDays } from '../../store/accounts/api-tokens.ts';
import type { ApiTokenInfo, User } from '../../store/editing/contract.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import { AdminLayout } from './AdminLayout.tsx';

export interface UsersPageProps {
  user: User;
  users: User[];
  tokens: ApiTokenInfo[];
  /** The organizations an operator-wide admin may put a new account in (empty for an organization's admin). */
  organizations: { id: string; name: string }[];
  csrfToken: string;
  /** A token just issued: shown once, never stored in the clear. */
  newToken?: string;
  error?: string;
  typed?: { login: string; role: string; nodeIds: string; organizationId?: string };
}

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name={csrfFieldName} value={token} />;
}

// Minutes are enough for staff reading the list; the stored value keeps the seconds.
const shortTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** When the token expires and when it was last used; an expired one says so. */
function TokenDates({ token }: { token: ApiTokenInfo }) {
  const expired = token.expiresAt === null || Date.parse(token.expiresAt) <= Date.now();
  return (
    <span class="meta">
      {expired ? '期限切れ (expired)' : `有効期限 (expires) ${shortTime(token.expiresAt ?? '')}`}
      {' · '}
      {token.lastUsedAt === null
        ? '未使用 (never used)'
        : `最終使用 (last used) ${shortTime(token.lastUsedAt)}`}
    </span>
  );
}

function RoleSelect({ id, value }: { id: string; value: string }) {
  return (
    <select id={id} name="role">
      {roles.map((role) => (
        <option value={role} selected={role === value}>
          {role}
        </option>
      ))}
    </select>
  );
}

const operatorWide = '全団体 (operator-wide)';

function UserRow({
  account,
  tokens,
  csrfToken,
}: {
  account: User;
  tokens: ApiTokenInfo[];
  csrfToken: string;
}) {
  const base = `/admin/users/${encodeURIComponent(account.id)}`;
  return (
    <tr>
      <th scope="row">{account.login}</th>
      <td>{account.organizationId ?? operatorWide}</td>
      <td>
        <form method="post" action={base} class="inline-form">
          <Csrf token={csrfToken} />
          <label for={`role-${account.id}`}>役割 (role)</label>{' '}
          <RoleSelect id={`role-${account.id}`} value={account.role} />{' '}
          <label for={`nodes-${account.id}`}>担当ノード (department nodes)</label>{' '}
          <input id={`nodes-${account.id}`} name="nodeIds" value={(account.nodeIds ?? []).join(' ')} />{' '}
          <button type="submit">変更 (change)</button>
        </form>
      </td>
      <td>
        <form method="post" action={`${base}/${account.disabled ? 'enable' : 'disable'}`} class="inline-form">
          <Csrf token={csrfToken} />
          <button type="submit">{account.disabled ? '有効にする (enable)' : '無効にする (disable)'}</button>
        </form>
      </td>
      <td>
        <form method="post" action={`${base}/tokens`} class="inline-form">
          <Csrf token={csrfToken} />
          <label for={`label-${account.id}`}>用途 (label)</label>{' '}
          <input id={`label-${account.id}`} name="label" required />{' '}
          <label for={`days-${account.id}`}>有効日数 (valid for days)</label>{' '}
          <input
            id={`days-${account.id}`}
            name="expiresInDays"
            type="number"
            min="1"
            max={String(maxApiTokenDays)}
            value={String(defaultApiTokenDays)}
            required
          />{' '}
          {account.organizationId === null ? (
            <>
              <label for={`token-org-${account.id}`}>団体に限る (only for organization)</label>{' '}
              <input id={`token-org-${account.id}`} name="organizationId" placeholder="202088" />{' '}
            </>
          ) : null}
          <button type="submit">APIトークン発行 (issue API token)</button>
        </form>
        <ul>
          {tokens
            .filter((t) => t.userId === account.id && t.revokedAt === null)
            .map((t) => (
              <li>
                {t.label}
                {t.organizationId === null ? '' : `（${t.organizationId}）`} <TokenDates token={t} />{' '}
                <form
                  method="post"
                  action={`/admin/tokens/${encodeURIComponent(t.id)}/revoke`}
                  class="inline-form"
                >
                  <Csrf token={csrfToken} />
                  <button type="submit">失効 (revoke)</button>
                </form>
              </li>
            ))}
        </ul>
      </td>
    </tr>
  );
}

export function UsersPage(props: UsersPageProps) {
  const typed = props.typed ?? { login: '', role: 'editor', nodeIds: '' };
  return (
    <AdminLayout title="利用者 (users)" user={props.user} csrfToken={props.csrfToken}>
      {props.newToken ? (
        <p class="notice" role="status">
          新しいAPIトークン（この一度だけ表示します） (new API token, shown once):{' '}
          <code>{props.newToken}</code>
        </p>
      ) : null}
      <section class="table-scroll" aria-label="利用者の一覧 (users)" tabindex={0}>
        <table>
          <caption>利用者の一覧 (users)</caption>
          <thead>
            <tr>
              <th scope="col">ログイン名 (login)</th>
              <th scope="col">団体 (organization)</th>
              <th scope="col">役割 (role)</th>
              <th scope="col">状態 (state)</th>
              <th scope="col">APIトークン (API tokens)</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((account) => (
              <UserRow account={account} tokens={props.tokens} csrfToken={props.csrfToken} />
            ))}
          </tbody>
        </table>
      </section>
      <h2>利用者を追加 (add a user)</h2>
      <form method="post" action="/admin/users" class="staff-form">
        <Csrf token={props.csrfToken} />
        {props.error ? (
          <p class="form-error" role="alert">
            {props.error}
          </p>
        ) : null}
        <p class="field">
          <label for="new-login">ログイン名 (login)</label>
          <input id="new-login" name="login" value={typed.login} required />
        </p>
        <p class="field">
          <label for="new-password">パスワード (password)</label>
          <input id="new-password" name="password" type="password" autocomplete="new-password" required />
        </p>
        <p class="field">
          <label for="new-role">役割 (role)</label>
          <RoleSelect id="new-role" value={typed.role} />
        </p>
        {props.user.organizationId === null ? (
          <p class="field">
            <label for="new-organization">団体 (organization)</label>
            <select id="new-organization" name="organizationId">
              <option value="">{operatorWide}</option>
              {props.organizations.map((org) => (
                <option value={org.id} selected={org.id === typed.organizationId}>
                  {org.name}
                </option>
              ))}
            </select>
          </p>
        ) : (
          <p class="meta">団体 (organization): {props.user.organizationId}</p>
        )}
        <p class="field">
          <label for="new-nodes">担当ノード・空欄は全体 (department nodes, blank for all)</label>
          <input id="new-nodes" name="nodeIds" value={typed.nodeIds} />
        </p>
        <p>
          <button type="submit">追加 (add)</button>
        </p>
      </form>
    </AdminLayout>
  );
}
