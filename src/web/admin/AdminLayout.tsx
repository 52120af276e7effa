/** The staff pages' frame: the site layout (its header names the user and logs out) plus the staff navigation. */
import type { Child } from 'hono/jsx';
import { can } from '../../domain/editing/permissions.ts';
import type { User } from '../../store/editing/contract.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import { mayAttempt } from '../auth/guard.tsx';
import { Layout } from '../components/Layout.tsx';

export interface AdminLayoutProps {
  title: string;
  user: User;
  csrfToken: string;
  children?: Child;
}

export function AdminLayout({ title, user, csrfToken, children }: AdminLayoutProps) {
  return (
    <Layout
      title={title}
      path="/admin"
      stylesheets={['/assets/staff.css']}
      siteSearch={false}
      staff={{ login: user.login, csrf: { name: csrfFieldName, value: csrfToken } }}
    >
      <nav class="staff-nav" aria-label="管理メニュー (staff menu)">
        <a href="/admin">計画の一覧 (plans)</a>
        {can(user, 'publish') ? <a href="/admin/organizations">団体 (organizations)</a> : null}
        {can(user, 'publish') ? <a href="/admin/documents">資料 (documents)</a> : null}
        {mayAttempt(user, 'create', 'plan') ? <a href="/admin/import">表の取り込み (import)</a> : null}
        {user.role === 'admin' ? <a href="/admin/users">利用者 (users)</a> : null}
        <span class="meta">
          役割 (role): {user.role}
          {user.organizationId === null ? '' : `・${user.organizationId}`}
        </span>
      </nav>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}
