/** The HTML error pages: 404 for unknown pages and records, and the page for any other HttpError. */
import { Layout } from '../components/Layout.tsx';
import { messagesOf } from '../i18n/index.ts';

export interface ErrorPageProps {
  status: number;
  message: string;
  /** A heading of its own, where the status's usual one would mislead (503: busy, not broken). */
  title?: string;
}

// Error pages stay Japanese: the request that failed may be the one carrying a bad `lang`.
export function ErrorPage({ status, message, title: ownTitle }: ErrorPageProps) {
  const t = messagesOf('ja');
  const title =
    (ownTitle ?? status === 404) ? t.errorNotFound : status === 400 ? t.errorBadRequest : t.errorInternal;
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{t.backHome}</a>
      </p>
    </Layout>
  );
}
