/**
 * `GET /api/v1/nodes/{id}`: a node with its plan, ancestors and the nodes of other plans it is linked to;
 * `GET /api/v1/nodes/{id}/program-sheets`: its 事務事業評価 sheets with their money figures and its evaluations.
 */
import { Hono } from 'hono';
import { summarizeNode } from '../../domain/figures/index.ts';
import { notFound } from '../http-error.ts';
import { idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { type GetProgramSheetsResponse, programSheetsView } from './evaluation-views.ts';
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

nodes.get('/:id/program-sheets', async (c) => {
  onlyQueries(c, []);
  const id = idParam(c);
  const context = await c.var.store.getNode(id);
  if (!context) throw notFound('ノード', 'node', id);
  const plan = await c.var.store.getPlan(context.plan.id);
  const body: GetProgramSheetsResponse = programSheetsView(context.node, plan ?? { nodes: [] });
  return c.json(body);
});

export default nodes;
