/** The Hono application: public pages, the JSON API and (later) the admin area, over one ReadStore. */
import { Hono } from 'hono';
import type { ReadStore } from '../store/read-store.ts';

export interface AppOptions {
  store: ReadStore;
}

export function createApp(_options: AppOptions): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  return app;
}
