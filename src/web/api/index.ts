/** The JSON API, version 1. Mounted at /api/v1 by app.tsx. */
import { Hono } from 'hono';
import type { WebEnv } from '../web-env.ts';
import nodes from './nodes.ts';
import openapi from './openapi.ts';
import plans from './plans.ts';

const api = new Hono<WebEnv>();

api.route('/plans', plans);
api.route('/nodes', nodes);
api.route('/openapi.json', openapi);

export default api;
