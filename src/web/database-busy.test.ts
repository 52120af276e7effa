/**
 * A write that finds SQLite locked by another process for longer than the wait: 503 with Retry-After and a
 * Japanese/English message (an HTML page for forms, `{ error }` for the API), never 500; reads go on meanwhile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDemoSqlite } from '../../test/helpers/sqlite-templates.ts';
import {
  openStaffTestApp,
  postForm,
  type SignedIn,
  type StaffTestApp,
  signIn,
} from '../../test/helpers/staff-app.ts';
import { openDatabase } from '../store/db.ts';
import { formValues } from './admin/form-values.ts';
import { onError } from './error-handler.tsx';

describe('the site while another process holds the SQLite write lock', () => {
  let dir: string;
  let t: StaffTestApp;
  let editor: SignedIn;
  let token: string;
  let other: SqliteDatabase.Database;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-busy-'));
    const file = join(dir, 'demo.sqlite');
    await writeDemoSqlite(file);
    t = await openStaffTestApp(async () => openDatabase(file, { writeWaitSeconds: 0.3 }));
    editor = await signIn(t.app, 'editor');
    const issued = await t.accounts.issueApiToken(t.users.admin.id, t.users.editor.id, 'busy');
    if (!issued.ok) throw new Error('cannot issue a token');
    token = issued.value.token;
    other = new SqliteDatabase(file);
    other.exec('begin immediate');
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('rollback');
    other.close();
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const patchNode = async (description: string) => {
    const record = await t.editing.getRecord('node', t.outside.id);
    return t.app.request(`/api/v1/nodes/${t.outside.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ version: record?.version, data: { description } }),
    });
  };

  it('answers an API write 503 { error: database_busy } with Retry-After, and 200 once the lock is free', async () => {
    const busy = await patchNode('待たされた説明');
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await busy.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('database_busy');
    expect(body.error.message).toMatch(
      /別の処理がデータベースに書き込み中です.*\(another process is writing/,
    );
    other.exec('rollback');
    expect((await patchNode('待たされた説明')).status).toBe(200);
  });

  it('answers a staff form 503 with a page saying so, and a login too', async () => {
    const record = await t.editing.getRecord('node', t.outside.id);
    const fields = {
      ...formValues('node', record?.data),
      title: '保存待ち',
      version: String(record?.version),
    };
    const res = await postForm(t.app, `/admin/records/node/${t.outside.id}`, editor, fields);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).not.toBeNull();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('(another process is writing to the database');
    const form = await t.app.request('/login');
    const cookie = /mieruka_login=[^;]+/.exec(form.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const login = await t.app.request('/login', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, login: 'admin', password: 'whatever-password' }),
    });
    expect(login.status).toBe(503);
  });

  it('still serves public pages and the read API', async () => {
    expect((await t.app.request('/')).status).toBe(200);
    expect((await t.app.request(`/plans/${t.planId}`)).status).toBe(200);
    expect((await t.app.request(`/api/v1/nodes/${t.outside.id}`)).status).toBe(200);
  });
});

describe('onError for a database that stays busy', () => {
  const app = new Hono();
  app.onError(onError);
  // What pg throws for a serialization failure, a deadlock and a lock timeout, and what SQLite throws when locked.
  const failures: Record<string, Error> = {
    '40001': Object.assign(new Error('could not serialize access'), { code: '40001' }),
    '40P01': Object.assign(new Error('deadlock detected'), { code: '40P01' }),
    '55P03': Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' }),
    SQLITE_BUSY: Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
  };
  app.all('/api/v1/fail/:code', (c) => {
    throw failures[c.req.param('code')];
  });
  app.all('/admin/fail/:code', (c) => {
    throw failures[c.req.param('code')];
  });

  it.each(Object.keys(failures))(
    'answers %s with 503 and Retry-After, as JSON and as a page',
    async (code) => {
      const api = await app.request(`/api/v1/fail/${code}`, { method: 'POST' });
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toBe('5');
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('database_busy');
      const page = await app.request(`/admin/fail/${code}`, { method: 'POST' });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      expect(await page.text()).toContain('別の処理がデータベースに書き込み中です');
    },
  );
});
