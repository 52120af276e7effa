/**
 * The header's way into the staff area: 「職員ログイン」 for a visitor; for someone signed in, who they are and a
 * log-out button (a POST form with its CSRF token), so a signed-in page never offers to log in again.
 */
import type { Lang } from '../i18n/index.ts';

export interface SignedInStaff {
  login: string;
  /** The log-out form's CSRF field: its name and the session's token. */
  csrf: { name: string; value: string };
}

export interface StaffEntryProps {
  lang: Lang;
  staff?: SignedInStaff | undefined;
}

export function StaffEntry({ lang, staff }: StaffEntryProps) {
  const ja = lang === 'ja';
  if (staff === undefined)
    return (
      <li class="staff-entry">
        <a href="/admin">{ja ? '職員ログイン' : 'Staff log in'}</a>
      </li>
    );
  return (
    <li class="staff-entry">
      <a href="/admin">{ja ? `${staff.login} でログイン中` : `Signed in as ${staff.login}`}</a>
      <form method="post" action="/logout">
        <input type="hidden" name={staff.csrf.name} value={staff.csrf.value} />
        <button type="submit">{ja ? 'ログアウト' : 'Log out'}</button>
      </form>
    </li>
  );
}
