/** `POST /admin/drafts/{id}/discard`: drops a draft unpublished (the store checks who may, and the version). */
import { Hono } from 'hono';
import { forbidden, mayAttempt } from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { badRequest, notFound } from '../http-error.ts';
import { formBody, staffUser, versionOf } from './staff-context.ts';

const drafts = new Hono<StaffEnv>();

drafts.post('/:id/discard', async (c) => {
  const user = staffUser(c);
  if (!mayAttempt(user, 'update')) return forbidden(c);
  const id = c.req.param('id');
  const body = await formBody(c);
  const version = versionOf(body.version);
  if (typeof version !== 'number') throw badRequest('version', '版が正しくありません (invalid version)');
  const draft = (await c.var.editing.listDrafts()).find((d) => d.id === id);
  if (!draft) throw notFound('下書き', 'draft', id);
  const result = await c.var.editing.discardDraft(user, id, version);
  if (!result.ok) {
    if (result.error.code === 'forbidden') return forbidden(c, result.error.message);
    if (result.error.code === 'conflict')
      return c.text('他の人が先に変更しました (conflict: reload and try again)', 409);
    throw notFound('下書き', 'draft', id);
  }
  return c.redirect(`/admin/plans/${encodeURIComponent(draft.planId)}`, 303);
});

export default drafts;
