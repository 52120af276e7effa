/** `/history/{entity}/{id}`: public, read-only; lists only published revisions (publish, import). */
import { Hono } from 'hono';
import { type EditingEntity, editingEntities } from '../../domain/editing/records.ts';
import type { StaffEnv } from '../auth/staff-env.ts';
import { badRequest, notFound } from '../http-error.ts';
import { HistoryPage } from './HistoryPage.tsx';

const history = new Hono<StaffEnv>();

history.get('/:entity/:id', async (c) => {
  const entity = c.req.param('entity');
  if (!(editingEntities as readonly string[]).includes(entity)) throw notFound('種類', 'entity', entity);
  const id = c.req.param('id');
  // Generated ids (observations, source rows) contain ':' so the public recordId pattern is too strict here.
  if (id.length > 200) throw badRequest('id', `「id」が長すぎます (id too long)`);
  const revisions = await c.var.editing.listPublicHistory(entity as EditingEntity, id);
  if (revisions.length === 0 && !(await c.var.editing.getRecord(entity as EditingEntity, id))?.published) {
    throw notFound('項目', entity, id);
  }
  return c.html(<HistoryPage entity={entity as EditingEntity} id={id} revisions={revisions} />);
});

export default history;
