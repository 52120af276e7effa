/**
 * The web app over a fresh in-memory SQLite store holding the Komoro demo (a copy of one seeded once per process),
 * for route and browser tests.
 * Also small readers for the demo tree, so tests pick nodes by shape rather than by a remembered id or count.
 */
import type { Hono } from 'hono';
import type { Indicator, PlanNode } from '../../src/domain/model.ts';
import type { DatabaseHandle } from '../../src/store/db.ts';
import { createEditingStore } from '../../src/store/editing/index.ts';
import { createReadStore } from '../../src/store/queries.ts';
import type { ReadStore } from '../../src/store/read-store.ts';
import { createApp } from '../../src/web/app.tsx';
import { openDemoSqlite } from './sqlite-templates.ts';

export interface DemoApp {
  app: Hono;
  store: ReadStore;
  db: DatabaseHandle['db'];
  close(): Promise<void>;
}

/** `history: true` also serves the public history, 「最近の変更」 and the feeds. */
export async function openDemoApp(options: { history?: boolean } = {}): Promise<DemoApp> {
  const handle = await openDemoSqlite();
  const store = createReadStore(handle.db);
  const history = options.history ? { history: createEditingStore(handle.db) } : {};
  return { app: createApp({ store, ...history }), store, db: handle.db, close: () => handle.close() };
}

function* walk(nodes: readonly PlanNode[]): Generator<PlanNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/** The first node (in plan order, over every plan) that satisfies `test`, with its plan's id. */
export async function findDemoNode(
  store: ReadStore,
  test: (node: PlanNode) => boolean,
): Promise<{ planId: string; node: PlanNode } | undefined> {
  for (const header of await store.listPlans()) {
    const plan = await store.getPlan(header.id);
    const node = plan ? [...walk(plan.nodes)].find(test) : undefined;
    if (plan && node) return { planId: plan.id, node };
  }
  return undefined;
}

export const hasObservedIndicator = (node: PlanNode): boolean =>
  node.indicators.some((indicator: Indicator) => indicator.observations.length > 0);

/** The body of every API error. */
export interface ApiErrorBody {
  error: { code: string; message: string; parameter?: string };
}

/** GETs `path` and parses the JSON body as `T` (the route's own view types keep tests honest about shapes). */
export async function getJson<T>(app: Hono, path: string): Promise<{ res: Response; body: T }> {
  const res = await app.request(path);
  return { res, body: (await res.json()) as T };
}
