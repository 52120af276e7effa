/** The JSON API, version 1. Mounted at /api/v1 by app.tsx. */
import { Hono } from 'hono';
import { onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import nodes from './nodes.ts';
import openapi from './openapi.ts';
import plans, { listPlansOf } from './plans.ts';

const api = new Hono<WebEnv>();

api.route('/plans', plans);
// One organization's plans, as its pages under /o/{団体コード or id} list them.
api.get('/o/:organization/plans', (c) => {
  onlyQueries(c, ['kind']);
  return listPlansOf(c, c.req.param('organization'));
});
api.route('/nodes', nodes);
api.route('/openapi.json', openapi);

export default api;
