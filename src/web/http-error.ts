/**
 * The one exception of the HTTP edge. Routes throw it; `onError` in app.tsx turns it into a JSON body under
 * /api and an HTML page elsewhere, so every handler stays a straight line.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type HttpErrorCode = 'not_found' | 'bad_request' | 'internal_error' | 'database_busy';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: HttpErrorCode,
    message: string,
    /** The path or query parameter at fault, for `bad_request`. */
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A 404 naming what was looked for, e.g. `notFound('計画', 'plan', 'x')`. */
export function notFound(labelJa: string, labelEn: string, id: string): HttpError {
  return new HttpError(404, 'not_found', `${labelJa}「${id}」は見つかりません (${labelEn} not found: ${id})`);
}

/** A 400 naming the parameter, e.g. `badRequest('id', 'ID の形式が正しくありません (invalid id)')`. */
export function badRequest(parameter: string, message: string): HttpError {
  return new HttpError(400, 'bad_request', message, parameter);
}
