/**
 * For staff tests only: the demo app over a fresh database with one user per role, and a browser-like sign-in
 * that returns the session cookie and its CSRF token.
 */
import type { Hono } from 'hono';
import type { PlanNode } from '../../src/domain/model.ts';
import { createAccountStore } from '../../src/store/accounts/index.ts';
import type { DatabaseHandle } from '../../src/store/db.ts';
import type { AccountStore, EditingStore, User } from '../../src/store/editing/contract.ts';
import { createEditingStore } from '../../src/store/editing/index.ts';
import { createReadStore } from '../../src/store/queries.ts';
import type { ReadStore } from '../../src/store/read-store.ts';
import { watchDataGeneration } from '../../src/store/search/index.ts';
import { tableImportService } from '../../src/web/admin/table-import-service.ts';
import { createApp } from '../../src/web/app.tsx';
import { sessionCookieName } from '../../src/web/auth/cookie.ts';
import { csrfTokenFor } from '../../src/web/auth/csrf.ts';

export const testPassword = 'correct-horse-battery-staple';
export const testLogins = ['admin', 'editor', 'scoped', 'viewer'] as const;
export type TestLogin = (typeof testLogins)[number];

export interface StaffTestApp {
  app: Hono;
  db: DatabaseHandle['db'];
  store: ReadStore;
  editing: EditingStore;
  accounts: AccountStore;
  users: Record<TestLogin, User>;
  /** The two first pillars of the first plan: the scoped editor may edit under `inside` only. */
  inside: PlanNode;
  outside: PlanNode;
  planId: string;
  close(): Promise<void>;
}

async function addTestUser(
  accounts: AccountStore,
  login: TestLogin,
  nodeIds: string[] | null,
): Promise<User> {
  const role = login === 'scoped' ? 'editor' : login;
  const result = await accounts.addUser({ login, password: testPassword, role, nodeIds });
  if (!result.ok) throw new Error(`cannot add ${login}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * The demo served with the staff side and the page cache on, and one user per role; `openDemo` gives a fresh
 * database already holding the demo (test/helpers/databases.ts: `database.openDemo`).
 */
export async function openStaffTestApp(
  openDemo: () => Promise<DatabaseHandle>,
  options: { trustedProxies?: number } = {},
): Promise<StaffTestApp> {
  const handle = await openDemo();
  const store = createReadStore(handle.db);
  const editing = createEditingStore(handle.db);
  const accounts = createAccountStore(handle.db);
  const [first] = await store.listPlans();
  const plan = first ? await store.getPlan(first.id) : undefined;
  const [inside, outside] = plan?.nodes ?? [];
  if (!plan || !inside || !outside) throw new Error('the demo needs a plan with two pillars');
  const users = {
    admin: await addTestUser(accounts, 'admin', null),
    editor: await addTestUser(accounts, 'editor', null),
    scoped: await addTestUser(accounts, 'scoped', [inside.id]),
    viewer: await addTestUser(accounts, 'viewer', null),
  };
  // The page cache on, as in production, so a publish that forgot to bump the generation shows as a stale page.
  const tables = tableImportService(handle.db);
  const app = createApp({
    store,
    generation: watchDataGeneration(handle.db),
    staff: { editing, accounts, tables, ...options },
  });
  return {
    app,
    db: handle.db,
    store,
    editing,
    accounts,
    users,
    inside,
    outside,
    planId: plan.id,
    close: handle.close,
  };
}

export interface SignedIn {
  cookie: string;
  csrf: string;
}

/** Opens the login form and submits it, as a browser does: the raw answer to the POST. */
export async function loginRequest(app: Hono, login: string, password = testPassword): Promise<Response> {
  const form = await app.request('/login');
  const loginCookie = /mieruka_login=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  return app.request('/login', {
    method: 'POST',
    headers: { cookie: `mieruka_login=${loginCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, login, password, next: '/admin' }),
  });
}

/** Logs in through the real form and returns what a browser would hold. */
export async function signIn(app: Hono, login: string, password = testPassword): Promise<SignedIn> {
  const res = await loginRequest(app, login, password);
  const session = new RegExp(`${sessionCookieName}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 303 || !session) throw new Error(`login as ${login} failed: ${res.status}`);
  return { cookie: `${sessionCookieName}=${session}`, csrf: csrfTokenFor(decodeURIComponent(session)) };
}

/** POSTs a form as a signed-in browser would, CSRF token included unless `withoutCsrf`. */
export async function postForm(
  app: Hono,
  path: string,
  who: SignedIn | undefined,
  fields: Record<string, string | string[]>,
  withoutCsrf = false,
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  if (who && !withoutCsrf) body.set('_csrf', who.csrf);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (who) headers.cookie = who.cookie;
  return app.request(path, { method: 'POST', headers, body });
}

/** POSTs a multipart form with files, as a browser's upload form does, CSRF token included unless `withoutCsrf`. */
export async function postMultipart(
  app: Hono,
  path: string,
  who: SignedIn | undefined,
  fields: Record<string, string>,
  files: Record<string, { name: string; bytes: Uint8Array }>,
  withoutCsrf = false,
): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, file] of Object.entries(files)) body.append(name, new Blob([file.bytes]), file.name);
  if (who && !withoutCsrf) body.set('_csrf', who.csrf);
  const headers: Record<string, string> = who ? { cookie: who.cookie } : {};
  return app.request(path, { method: 'POST', headers, body });
}

/** The first node in plan order (depth first) that satisfies `test`. */
export function findNode(
  nodes: readonly PlanNode[],
  test: (node: PlanNode) => boolean,
): PlanNode | undefined {
  for (const node of nodes) {
    if (test(node)) return node;
    const found = findNode(node.children, test);
    if (found) return found;
  }
  return undefined;
}
