/** The write API's error bodies: `{ error: { code, message, … } }` with the status the code implies. */
import type { Context } from 'hono';
import type { EditingError } from '../../store/editing/contract.ts';
import { fieldMessage } from '../admin/field-issues.ts';

const statuses = { not_found: 404, invalid: 400, forbidden: 403, conflict: 409 } as const;

/**
 * The JSON answer for a failed command, e.g. a 409 carrying both versions.
 * @example writeError(c, { code: 'forbidden', message: '…' }) // 403 { error: { code: 'forbidden', … } }
 */
export function writeError(c: Context, error: EditingError) {
  switch (error.code) {
    case 'invalid': {
      // Each message names its field, so a client can show it as it is.
      const issues = error.issues.map((i) =>
        i.field ? { ...i, message: fieldMessage({ name: i.field, label: i.field }, i.message) } : i,
      );
      const message = issues.map((i) => i.message).join(' ');
      return c.json({ error: { code: 'invalid', message, issues } }, statuses.invalid);
    }
    case 'conflict':
      return c.json(
        {
          error: {
            code: 'conflict',
            message: `新しい版が保存されています (conflict: version ${error.current.version} is stored)`,
            current: error.current,
            submitted: error.submitted,
          },
        },
        statuses.conflict,
      );
    case 'forbidden':
      return c.json({ error: { code: 'forbidden', message: error.message } }, statuses.forbidden);
    case 'not_found':
      return c.json(
        {
          error: {
            code: 'not_found',
            message: `「${error.id}」は見つかりません (${error.entity} not found: ${error.id})`,
          },
        },
        statuses.not_found,
      );
  }
}

/** A 400 for a body the API cannot read at all, before any command runs. */
export function badBody(c: Context, message: string) {
  return c.json({ error: { code: 'invalid', message } }, 400);
}
