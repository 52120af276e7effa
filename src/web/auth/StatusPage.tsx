/** A short staff-side page for a refusal or a plain message (401, 403, 429), always in both languages. */
import { Layout } from '../components/Layout.tsx';

export interface StatusPageProps {
  title: string;
  message: string;
}

export function StatusPage({ title, message }: StatusPageProps) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/admin">管理画面へ (to the staff area)</a> · <a href="/">トップへ (home)</a>
      </p>
    </Layout>
  );
}
