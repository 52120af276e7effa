/** `GET /api/v1/nodes/{id}`: a node with its plan, ancestors and the nodes of other plans it is linked to. */
import { Hono } from 'hono';
import { summarizeNode } from '../../domain/figures/index.ts';
import { notFound } from '../http-error.ts';
import { idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import type { GetNodeResponse } from './responses.ts';
import { planNodeView } from './views.ts';

const nodes = new Hono<WebEnv>();

nodes.get('/:id', async (c) => {
  onlyQueries(c, []);
  const id = idParam(c);
  const context = await c.var.store.getNode(id);
  if (!context) throw notFound('ノード', 'node', id);
  const { node, plan, ancestors, continues, continuedBy } = context;
  const body: GetNodeResponse = {
    node: planNodeView(node, plan),
    plan: { id: plan.id, title: plan.title },
    ancestors,
    continues,
    continuedBy,
    summary: summarizeNode(node, plan),
  };
  return c.json(body);
});

export default nodes;
