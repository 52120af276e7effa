/** The staff pages' frame: the site layout plus the staff navigation and a logout button (a POST form). */
import type { Child } from 'hono/jsx';
import { can } from '../../domain/editing/permissions.ts';
import type { User } from '../../store/editing/contract.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import { Layout } from '../components/Layout.tsx';

export interface AdminLayoutProps {
  title: string;
  user: User;
  csrfToken: string;
  children?: Child;
}

export function AdminLayout({ title, user, csrfToken, children }: AdminLayoutProps) {
  return (
    <Layout title={title} path="/admin" stylesheets={['/assets/staff.css']} siteSearch={false}>
      <nav class="staff-nav" aria-label="管理メニュー (staff menu)">
        <a href="/admin">計画の一覧 (plans)</a>
        {can(user, 'publish') ? <a href="/admin/organizations">団体 (organizations)</a> : null}
        {can(user, 'publish') ? <a href="/admin/documents">資料 (documents)</a> : null}
        {can(user, 'publish') ? <a href="/admin/import">表の取り込み (import)</a> : null}
        {user.role === 'admin' ? <a href="/admin/users">利用者 (users)</a> : null}
        <span class="meta">
          {user.login}（{user.role}
          {user.organizationId === null ? '' : `・${user.organizationId}`}）
        </span>
        <form method="post" action="/logout" class="inline-form">
          <input type="hidden" name={csrfFieldName} value={csrfToken} />
          <button type="submit">ログアウト (log out)</button>
        </form>
      </nav>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}
