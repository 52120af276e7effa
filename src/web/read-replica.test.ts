/**
 * The app over a writer and a read replica (DATABASE_READ_URL): anonymous reads come from the replica, writes and
 * signed-in reads from the writer, and /readyz answers for both. The "replica" is a second database: an independent
 * copy of the demo (a replica that has not caught up, so where a read went shows), or on PostgreSQL a second pool
 * on the same schema (a replica with no lag).
 */
import type { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import {
  postForm,
  postMultipart,
  type SignedIn,
  signIn,
  testPassword,
} from '../../test/helpers/staff-app.ts';
import { openDemoTwice } from '../../test/helpers/two-connections.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import { type DatabaseHandle, openDatabase } from '../store/db.ts';
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

async function addAdmin(writer: DatabaseHandle): Promise<void> {
  const added = await createAccountStore(writer.db).addUser({
    login: 'admin',
    password: testPassword,
    role: 'admin',
  });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
}

/** Imports one value as the admin and publishes it at once. */
async function importValue(app: Hono, admin: SignedIn): Promise<void> {
  const html = await (await postMultipart(app, '/admin/import/preview', admin, {}, upload)).text();
  const done = await postForm(app, '/admin/import/commit', admin, {
    token: tokenOf(html),
    confirm: warningIdsOf(html),
    publish: 'now',
  });
  expect(done.status).toBe(200);
}

async function nodeUrl(writer: DatabaseHandle): Promise<string> {
  const node = await writer.db
    .selectFrom('indicator')
    .select('node_id')
    .where('id', '=', indicatorId)
    .executeTakeFirstOrThrow();
  return `/api/v1/nodes/${node.node_id}`;
}

const valuesIn = (db: DatabaseHandle['db']) =>
  db
    .selectFrom('indicator_value')
    .select('date')
    .where('indicator_id', '=', indicatorId)
    .where('date', '=', '2090-01')
    .execute();

describe.each(testDatabases)('a read replica on $name', (database) => {
  const opened: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(handle: T) => {
    opened.push(handle);
    return handle;
  };
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
  });

  it('serves anonymous reads from the replica, and the staff member who wrote from the writer', async () => {
    const writer = track(await database.openDemo());
    // A replica that has not caught up: the write never reaches it.
    const replica = track(await database.openDemo());
    await addAdmin(writer);
    const app = createAppForDatabase(writer.db, { staff: true, cache: true, readDb: replica.db });
    const admin = await signIn(app, 'admin');
    const url = await nodeUrl(writer);

    await importValue(app, admin);
    expect(await valuesIn(writer.db)).toHaveLength(1);
    expect(await valuesIn(replica.db)).toHaveLength(0);

    const anonymous = await app.request(url);
    expect(anonymous.status).toBe(200);
    expect((await anonymous.text()).includes('2090-01')).toBe(false);
    const staff = await app.request(url, { headers: { cookie: admin.cookie } });
    expect(staff.status).toBe(200);
    expect(staff.headers.get('cache-control')).toBe('no-store');
    expect((await staff.text()).includes('2090-01')).toBe(true);
  });

  it('answers /readyz 200 only while the writer and the replica are both migrated', async () => {
    const writer = track(await database.openDemo());
    const ready = createAppForDatabase(writer.db, { readDb: track(await database.open()).db });
    expect((await ready.request('/readyz')).status).toBe(200);

    const behind = createAppForDatabase(writer.db, { readDb: track(await database.openEmpty()).db });
    const res = await behind.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ reason: 'migrations' });
  });

  it.runIf(database.name === 'postgres')('answers /readyz 503 when the replica does not answer', async () => {
    const writer = track(await database.openDemo());
    // Nothing listens on port 1: the connection is refused at once.
    const gone = track(openDatabase('postgres://mieruka@127.0.0.1:1/mieruka'));
    const app = createAppForDatabase(writer.db, { readDb: gone.db });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ reason: 'database' });
  });

  it.runIf(database.name === 'postgres')(
    'sees a write through the writer’s pool from the replica’s pool on the same server within two seconds',
    async () => {
      const { a, b, close } = await openDemoTwice(database);
      track({ close });
      await addAdmin(a);
      const app = createAppForDatabase(a.db, { staff: true, cache: true, readDb: b.db });
      const admin = await signIn(app, 'admin');
      const url = await nodeUrl(a);
      expect((await (await app.request(url)).text()).includes('2090-01')).toBe(false);
      await importValue(app, admin);
      const started = Date.now();
      let body = '';
      while (Date.now() - started < 5_000) {
        body = await (await app.request(url)).text();
        if (body.includes('2090-01')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(body.includes('2090-01')).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_500);
    },
  );
});
