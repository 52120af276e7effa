/** The one place errors become responses: `{ error }` under /api, a Japanese HTML page elsewhere. */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HttpError } from './http-error.ts';
import { ErrorPage } from './pages/error-page.tsx';

const isApi = (c: Context) => c.req.path.startsWith('/api/');

function respond(c: Context, error: HttpError) {
  if (isApi(c)) {
    const body = {
      code: error.code,
      message: error.message,
      ...(error.parameter ? { parameter: error.parameter } : {}),
    };
    return c.json({ error: body }, error.status);
  }
  return c.html(<ErrorPage status={error.status} message={error.message} />, error.status);
}

export const onError: ErrorHandler = (error, c) => {
  if (error instanceof HttpError) return respond(c, error);
  console.error(error);
  return respond(c, new HttpError(500, 'internal_error', '内部エラーが発生しました (internal server error)'));
};

export const onNotFound: NotFoundHandler = (c) =>
  respond(c, new HttpError(404, 'not_found', `「${c.req.path}」は見つかりません (not found: ${c.req.path})`));
