/** The one place errors become responses: `{ error }` under /api, a Japanese HTML page elsewhere. */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { isDatabaseBusy } from '../store/database-busy.ts';
import { HttpError } from './http-error.ts';
import { ErrorPage } from './pages/error-page.tsx';

const isApi = (c: Context) => c.req.path.startsWith('/api/');

// Long enough for an import or a publish of another process to finish, short enough that nobody gives up.
const busyRetryAfterSeconds = 5;

const databaseBusy = new HttpError(
  503,
  'database_busy',
  `別の処理がデータベースに書き込み中です。${busyRetryAfterSeconds}秒ほどしてからやり直してください ` +
    `(another process is writing to the database; please try again in ${busyRetryAfterSeconds} s)`,
);

function respond(c: Context, error: HttpError) {
  if (isApi(c)) {
    const body = {
      code: error.code,
      message: error.message,
      ...(error.parameter ? { parameter: error.parameter } : {}),
    };
    return c.json({ error: body }, error.status);
  }
  const title = error.code === 'database_busy' ? '混み合っています (busy)' : undefined;
  return c.html(
    <ErrorPage status={error.status} message={error.message} {...(title && { title })} />,
    error.status,
  );
}

export const onError: ErrorHandler = (error, c) => {
  if (error instanceof HttpError) return respond(c, error);
  // A write that waited its turn and still found the database locked is not a bug: ask the client to come back.
  if (isDatabaseBusy(error)) {
    c.header('Retry-After', String(busyRetryAfterSeconds));
    c.header('Cache-Control', 'no-store');
    return respond(c, databaseBusy);
  }
  console.error(error);
  return respond(c, new HttpError(500, 'internal_error', '内部エラーが発生しました (internal server error)'));
};

export const onNotFound: NotFoundHandler = (c) =>
  respond(c, new HttpError(404, 'not_found', `「${c.req.path}」は見つかりません (not found: ${c.req.path})`));
