/**
 * The write API under /api/v1: POST/PATCH/DELETE per collection and `POST /plans/{id}/publish`. Bearer tokens
 * (or a session cookie with its CSRF header); the same commands, validation, versions and history as the forms.
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { DraftAction, User } from '../../store/editing/contract.ts';
import { forbidden, mayAttempt, mayPublish, refuseOtherOrganization, requireUser } from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { collections, deprecatedCollections, updateOnly } from './collections.ts';
import { publishBodySchema, readBody, writeBodySchema } from './write-body.ts';
import { badBody, writeError } from './write-error.ts';
import type { DraftResponse, PublishResponse } from './write-responses.ts';

const apiWrite = new Hono<StaffEnv>();
type WriteContext = Context<StaffEnv>;

const currentUser = (c: WriteContext) => c.var.user as User;

async function save(
  c: WriteContext,
  entity: EditingEntity,
  action: DraftAction,
  id: string,
  data: unknown,
  version: number | null,
  reason?: string,
) {
  if (!mayAttempt(currentUser(c), action, entity)) return forbidden(c);
  const result = await c.var.editing.saveChange(currentUser(c), {
    entity,
    action,
    id,
    ...(data === undefined ? {} : { data }),
    version,
    ...(reason ? { reason } : {}),
  });
  if (!result.ok) return writeError(c, result.error);
  const body: DraftResponse = { draft: result.value };
  return c.json(body, action === 'create' ? 201 : 200);
}

function mountCollection(name: string, entity: EditingEntity) {
  // PATCH merges the given fields over the record as staff see it (its draft, else the published row).
  apiWrite.patch(`/${name}/:id`, requireUser(), async (c) => {
    const body = await readBody(c.req.raw, writeBodySchema);
    if (!body.ok) return badBody(c, body.message);
    if (body.value.version === undefined || body.value.version === null) {
      return badBody(c, '「version」が必要です (version is required)');
    }
    const id = c.req.param('id');
    // The merge below reads the record's draft: another organization's is neither read nor answered with.
    const refused = await refuseOtherOrganization(c, entity, id);
    if (refused) return refused;
    const stored = await c.var.editing.getRecord(entity, id);
    const data = { ...((stored?.data ?? {}) as object), ...(body.value.data ?? {}), id };
    return save(c, entity, 'update', id, data, body.value.version, body.value.reason);
  });
  if (updateOnly.has(entity)) return;
  apiWrite.post(`/${name}`, requireUser(), async (c) => {
    const body = await readBody(c.req.raw, writeBodySchema);
    if (!body.ok) return badBody(c, body.message);
    const data = body.value.data ?? {};
    const id = typeof data.id === 'string' ? data.id : '';
    return save(c, entity, 'create', id, data, null, body.value.reason);
  });
  apiWrite.delete(`/${name}/:id`, requireUser(), async (c) => {
    const version = Number(c.req.query('version'));
    if (c.req.query('version') === undefined || !Number.isInteger(version)) {
      return badBody(c, '「version」が必要です (version query parameter is required)');
    }
    return save(c, entity, 'delete', c.req.param('id'), undefined, version, c.req.query('reason'));
  });
}

for (const [name, entity] of Object.entries(collections)) mountCollection(name, entity);
// Former paths answer exactly as their replacements do (see deprecatedCollections).
for (const [name, { entity }] of Object.entries(deprecatedCollections)) mountCollection(name, entity);

apiWrite.post('/plans/:id/publish', requireUser(), async (c) => {
  const user = currentUser(c);
  if (!mayPublish(user)) return forbidden(c);
  const planId = c.req.param('id');
  if (!(await c.var.editing.getRecord('plan', planId))) {
    return writeError(c, { code: 'not_found', entity: 'plan', id: planId });
  }
  const refused = await refuseOtherOrganization(c, 'plan', planId);
  if (refused) return refused;
  const body = await readBody(c.req.raw, publishBodySchema);
  if (!body.ok) return badBody(c, body.message);
  const ids = body.value.draftIds ?? (await c.var.editing.listDrafts(planId)).map((d) => d.id);
  const result = await c.var.editing.publish(user, ids, body.value.reason);
  if (!result.ok) return writeError(c, result.error);
  const published: PublishResponse = result.value;
  return c.json(published);
});

export default apiWrite;
