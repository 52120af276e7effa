/**
 * The demo app with search and the page cache switched on, over a fresh in-memory SQLite copy of the demo, for the search
 * and cache tests. `handle` is exposed so a test can write and bump the data generation.
 */
import type { Hono } from 'hono';
import type { DatabaseHandle } from '../../src/store/db.ts';
import { createReadStore } from '../../src/store/queries.ts';
import type { ReadStore } from '../../src/store/read-store.ts';
import { createSearchStore, watchDataGeneration } from '../../src/store/search/index.ts';
import { createApp } from '../../src/web/app.tsx';
import { openDemoSqlite } from './sqlite-templates.ts';

export interface SearchDemoApp {
  app: Hono;
  store: ReadStore;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

export interface SearchDemoAppOptions {
  /** Cache rendered pages (true by default). */
  cache?: boolean;
  /** Wraps the store, e.g. to count what pages read. */
  wrapStore?: (store: ReadStore) => ReadStore;
}

export async function openSearchDemoApp({
  cache = true,
  wrapStore = (s) => s,
}: SearchDemoAppOptions = {}): Promise<SearchDemoApp> {
  const handle = await openDemoSqlite();
  const store = wrapStore(createReadStore(handle.db));
  const app = createApp({
    store,
    search: createSearchStore(handle.db),
    ...(cache ? { generation: watchDataGeneration(handle.db) } : {}),
  });
  return { app, store, handle, close: () => handle.close() };
}
