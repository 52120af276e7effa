/** The HTML error pages: 404 for unknown pages and records, and the page for any other HttpError. */
import { Layout } from '../components/Layout.tsx';

export interface ErrorPageProps {
  status: number;
  message: string;
}

export function ErrorPage({ status, message }: ErrorPageProps) {
  const title =
    status === 404
      ? 'ページが見つかりません'
      : status === 400
        ? '入力が正しくありません'
        : 'エラーが発生しました';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">ホームへ戻る</a>
      </p>
    </Layout>
  );
}
