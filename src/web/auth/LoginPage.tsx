/** The login form: works without script, keeps the typed login (never the password) after a failure. */
import { Layout } from '../components/Layout.tsx';
import { csrfFieldName } from './csrf.ts';

export interface LoginPageProps {
  csrfToken: string;
  next: string;
  login?: string;
  error?: string;
}

export function LoginPage({ csrfToken, next, login = '', error }: LoginPageProps) {
  return (
    <Layout title="ログイン (log in)" path="/login" stylesheets={['/assets/staff.css']} siteSearch={false}>
      <h1>職員ログイン (staff log in)</h1>
      {error ? (
        <p class="form-error" role="alert" id="login-error">
          {error}
        </p>
      ) : null}
      <form method="post" action="/login" class="staff-form">
        <input type="hidden" name={csrfFieldName} value={csrfToken} />
        <input type="hidden" name="next" value={next} />
        <p>
          <label for="login">ログイン名 (login)</label>
          <input id="login" name="login" type="text" autocomplete="username" required value={login} />
        </p>
        <p>
          <label for="password">パスワード (password)</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <p>
          <button type="submit">ログイン (log in)</button>
        </p>
      </form>
    </Layout>
  );
}
