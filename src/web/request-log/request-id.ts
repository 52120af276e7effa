/** The id that ties a response (its `X-Request-Id` header) to its log line. */
import { randomUUID } from 'node:crypto';

export const requestIdHeader = 'X-Request-Id';

// A proxy's id (nginx's $request_id, a UUID) fits; anything longer or with other characters could forge log
// structure or bloat every line, so it is replaced.
const saneRequestId = /^[\w.:-]{1,128}$/;

/** The incoming id when it is sane, else a new UUID, e.g. `requestIdFor('abc-1') // 'abc-1'`. */
export function requestIdFor(incoming: string | undefined): string {
  return incoming !== undefined && saneRequestId.test(incoming) ? incoming : randomUUID();
}
