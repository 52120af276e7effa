/**
 * Two app instances (two nodes behind a load balancer) on one database, each with its own connection and its own
 * page cache: what one node keeps must be found by the other (sessions, an upload waiting for its confirmation),
 * and a write through one must reach the other's cached pages. On SQLite (one file) and PostgreSQL.
 */
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import {
  postForm,
  postMultipart,
  type SignedIn,
  signIn,
  testPassword,
} from '../../test/helpers/staff-app.ts';
import { openDemoTwice, type TwoConnections } from '../../test/helpers/two-connections.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import { createAppForDatabase } from './full-app.ts';

const indicatorId = 'mirai-2016.i.seizure-count';
const csv = [
  'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote',
  `${indicatorId},2090-01,130件,komoro-pride-vol5,99,H28:102件`,
].join('\n');
const upload = { file: { name: 'monthly.csv', bytes: new TextEncoder().encode(csv) } };
const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
const warningIdsOf = (html: string) =>
  [...html.matchAll(/name="confirm" value="([^"]+)"/g)].map((m) => m[1]!);

describe.each(testDatabases)('two nodes on one $name database', (database) => {
  let connections: TwoConnections;
  let nodeA: Hono;
  let nodeB: Hono;
  let admin: SignedIn;
  let valuesUrl: string;

  beforeEach(async () => {
    connections = await openDemoTwice(database);
    const added = await createAccountStore(connections.a.db).addUser({
      login: 'admin',
      password: testPassword,
      role: 'admin',
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    nodeA = createAppForDatabase(connections.a.db, { staff: true, cache: true });
    nodeB = createAppForDatabase(connections.b.db, { staff: true, cache: true });
    admin = await signIn(nodeA, 'admin');
    const node = await connections.a.db
      .selectFrom('indicator')
      .select('node_id')
      .where('id', '=', indicatorId)
      .executeTakeFirstOrThrow();
    valuesUrl = `/api/v1/nodes/${node.node_id}`;
  });
  afterEach(() => connections.close());

  it('lets a session made on node A sign in on node B, and a logout on B end it on A', async () => {
    const onB = await nodeB.request('/admin', { headers: { cookie: admin.cookie } });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain('admin');
    const out = await postForm(nodeB, '/logout', admin, {});
    expect(out.status).toBe(303);
    const onA = await nodeA.request('/admin', { headers: { cookie: admin.cookie } });
    expect(onA.status).toBe(303);
  });

  it('confirms on node B an upload previewed on node A, once', async () => {
    const preview = await postMultipart(nodeA, '/admin/import/preview', admin, {}, upload);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    const token = tokenOf(html);
    expect(token).not.toBe('');
    const done = await postForm(nodeB, '/admin/import/commit', admin, {
      token,
      confirm: warningIdsOf(html),
      publish: 'now',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('取り込みました (imported and published)');
    const stored = await connections.a.db
      .selectFrom('indicator_value')
      .select('date')
      .where('indicator_id', '=', indicatorId)
      .where('date', '=', '2090-01')
      .execute();
    expect(stored).toHaveLength(1);
    // Spent on B, so A cannot take it a second time either.
    const again = await postForm(nodeA, '/admin/import/commit', admin, { token });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('choose the file again');
  });

  it('drops node B’s cached page within a second or two of a write through node A', async () => {
    const before = await nodeB.request(valuesUrl);
    expect(before.status).toBe(200);
    const etag = before.headers.get('etag');
    expect(await before.text()).not.toContain('2090-01');
    // Cached on B: the same answer again, and a conditional request answered 304.
    expect((await nodeB.request(valuesUrl, { headers: { 'if-none-match': etag ?? '' } })).status).toBe(304);

    const html = await (await postMultipart(nodeA, '/admin/import/preview', admin, {}, upload)).text();
    const done = await postForm(nodeA, '/admin/import/commit', admin, {
      token: tokenOf(html),
      confirm: warningIdsOf(html),
      publish: 'now',
    });
    expect(done.status).toBe(200);

    // B learns of the write only from the stored data generation, which it reads at most once a second.
    const started = Date.now();
    let body = '';
    while (Date.now() - started < 5_000) {
      body = await (await nodeB.request(valuesUrl)).text();
      if (body.includes('2090-01')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(body.includes('2090-01')).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});
