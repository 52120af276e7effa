/**
 * `POST /admin/nodes/{id}/move`: one step up or down among the siblings (two small saves, swapping positions),
 * or to a chosen parent and position. Each save is a draft like any other edit, checked and versioned.
 */
import { Hono } from 'hono';
import type { NodeRecord } from '../../domain/editing/records.ts';
import type { User } from '../../store/editing/contract.ts';
import { forbidden, mayAttempt, refuseOtherOrganization } from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { badRequest, notFound } from '../http-error.ts';
import { neighbourOf, siblingsOf } from './sibling-order.ts';
import { formBody, type StaffContext, staffUser } from './staff-context.ts';

const move = new Hono<StaffEnv>();

async function nodeRecord(c: StaffContext, id: string) {
  const stored = await c.var.editing.getRecord('node', id);
  if (!stored || stored.data === null) throw notFound('ノード', 'node', id);
  return { data: stored.data as NodeRecord, version: stored.version };
}

async function place(
  c: StaffContext,
  user: User,
  id: string,
  change: Pick<NodeRecord, 'parentId' | 'position'>,
) {
  const { data, version } = await nodeRecord(c, id);
  return c.var.editing.saveChange(user, {
    entity: 'node',
    action: 'update',
    id,
    data: { ...data, ...change },
    version,
    reason: '並べ替え (reorder)',
  });
}

async function step(c: StaffContext, user: User, id: string, direction: 'up' | 'down') {
  const { data } = await nodeRecord(c, id);
  const view = await c.var.editing.getPlanWithDrafts(data.planId);
  const neighbour = neighbourOf(siblingsOf(view?.plan.nodes ?? [], id) ?? [], id, direction);
  if (!neighbour) return { ok: true as const };
  const other = await nodeRecord(c, neighbour.id);
  // Equal positions would swap to the same order: fall back to one step apart.
  const target =
    other.data.position === data.position
      ? data.position + (direction === 'up' ? -1 : 1)
      : other.data.position;
  const first = await place(c, user, id, { parentId: data.parentId, position: Math.max(0, target) });
  if (!first.ok) return first;
  return place(c, user, neighbour.id, { parentId: other.data.parentId, position: data.position });
}

function parsePlace(body: Record<string, string>): Pick<NodeRecord, 'parentId' | 'position'> {
  const position = Number(body.position);
  if (!Number.isInteger(position) || position < 0) {
    throw badRequest('position', '「並び順」は 0 以上の整数です (position must be a whole number ≥ 0)');
  }
  return { parentId: body.parentId?.trim() ? body.parentId.trim() : null, position };
}

move.post('/:id/move', async (c) => {
  const user = staffUser(c);
  if (!mayAttempt(user, 'update', 'node')) return forbidden(c);
  const id = c.req.param('id');
  // A step reads the plan's tree with its drafts before saving: never another organization's.
  const refused = await refuseOtherOrganization(c, 'node', id);
  if (refused) return refused;
  const body = await formBody(c);
  const direction = body.direction;
  const result =
    direction === 'up' || direction === 'down'
      ? await step(c, user, id, direction)
      : await place(c, user, id, parsePlace(body));
  if (!result.ok) {
    if (result.error.code === 'forbidden') return forbidden(c, result.error.message);
    if (result.error.code === 'conflict')
      return c.text('他の人が先に変更しました (conflict: reload and try again)', 409);
    if (result.error.code === 'invalid')
      throw badRequest('position', result.error.issues.map((i) => i.message).join(' '));
    throw notFound('ノード', 'node', id);
  }
  const { data } = await nodeRecord(c, id);
  return c.redirect(`/admin/plans/${encodeURIComponent(data.planId)}`, 303);
});

export default move;
