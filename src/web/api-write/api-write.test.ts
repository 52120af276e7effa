/** The write API on SQLite and PostgreSQL: bearer tokens, the same drafts, versions and 409s as the forms. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { responseValidator, type ServedOpenApiDocument } from '../../../test/helpers/openapi-validator.ts';
import { findNode, openStaffTestApp, type StaffTestApp, signIn } from '../../../test/helpers/staff-app.ts';
import { withEditingTables } from '../../store/editing/tables.ts';

describe.each(testDatabases)('write API on $name', (database) => {
  let t: StaffTestApp;
  let editorToken: string;

  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    const issued = await t.accounts.issueApiToken(t.users.admin.id, t.users.editor.id, 'test');
    if (!issued.ok) throw new Error('cannot issue a token');
    editorToken = issued.value.token;
  });
  afterEach(() => t.close());

  const send = (method: string, path: string, body?: unknown, token: string | null = editorToken) =>
    t.app.request(`/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const node = () => findNode(t.outside.children, (n) => n.kind === 'policy') ?? t.outside;

  it('answers 401 { error } without a token or with an unknown one', async () => {
    for (const token of [null, 'not-a-token']) {
      const res = await send('PATCH', `/nodes/${node().id}`, { version: 1, data: { title: 'x' } }, token);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('answers 401 saying so for an expired or revoked token', async () => {
    const expired = await t.accounts.issueApiToken(t.users.admin.id, t.users.editor.id, 'old', {
      expiresInDays: 1,
    });
    if (!expired.ok) throw new Error('cannot issue a token');
    await withEditingTables(t.db)
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.value.id)
      .execute();
    const res = await send(
      'PATCH',
      `/nodes/${node().id}`,
      { version: 1, data: { title: 'x' } },
      expired.value.token,
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'unauthenticated',
      message:
        'API トークンの有効期限が切れています。管理者に新しいトークンを発行してもらってください (the API token has expired; ask an admin for a new one)',
    });
    const editorTokenId = (await t.accounts.listApiTokens(t.users.editor.id)).find(
      (i) => i.label === 'test',
    )!.id;
    expect((await t.accounts.revokeApiToken(t.users.admin.id, editorTokenId)).ok).toBe(true);
    const revoked = await send('PATCH', `/nodes/${node().id}`, { version: 1, data: { title: 'x' } });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { message: string } }).error.message).toContain('revoked');
  });

  it('saves a PATCH as a draft that the public API does not show until an admin publishes it', async () => {
    const { version } = (await t.editing.getRecord('node', node().id)) ?? { version: -1 };
    const res = await send('PATCH', `/nodes/${node().id}`, {
      version,
      data: { description: 'API 経由の説明' },
    });
    expect(res.status).toBe(200);
    const { draft } = (await res.json()) as {
      draft: { action: string; data: { description: string; title: string } };
    };
    expect(draft.action).toBe('update');
    expect(draft.data).toMatchObject({ description: 'API 経由の説明', title: node().title });
    const before = await (await t.app.request(`/api/v1/nodes/${node().id}`)).text();
    expect(before).not.toContain('API 経由の説明');

    expect((await send('POST', `/plans/${t.planId}/publish`, {})).status).toBe(403);
    const adminToken = await t.accounts.issueApiToken(t.users.admin.id, t.users.admin.id, 'admin');
    if (!adminToken.ok) throw new Error('cannot issue a token');
    const published = await send('POST', `/plans/${t.planId}/publish`, {}, adminToken.value.token);
    expect(published.status).toBe(200);
    const after = await (await t.app.request(`/api/v1/nodes/${node().id}`)).text();
    expect(after).toContain('API 経由の説明');
  });

  it('answers a draft, a conflict, a bad body, no token and a publish as its OpenAPI document says', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as ServedOpenApiDocument;
    const validate = responseValidator(doc);
    const { version } = (await t.editing.getRecord('node', node().id)) ?? { version: -1 };
    const path = `/nodes/${node().id}`;
    const adminToken = await t.accounts.issueApiToken(t.users.admin.id, t.users.admin.id, 'admin');
    if (!adminToken.ok) throw new Error('cannot issue a token');
    const answers = [
      ['/nodes/{id}', 'patch', await send('PATCH', path, { version, data: { description: 'first' } })],
      ['/nodes/{id}', 'patch', await send('PATCH', path, { version, data: { description: 'second' } })],
      ['/nodes/{id}', 'patch', await send('PATCH', path, { data: { description: 'third' } })],
      ['/nodes/{id}', 'patch', await send('PATCH', path, { version, data: {} }, null)],
      [
        '/plans/{id}/publish',
        'post',
        await send('POST', `/plans/${t.planId}/publish`, {}, adminToken.value.token),
      ],
    ] as const;
    expect(answers.map(([, , res]) => res.status)).toEqual([200, 409, 400, 401, 200]);
    for (const [template, method, res] of answers)
      expect(validate(template, method, res.status, await res.json())).toEqual([]);
  });

  it('answers 404 for publishing a plan that does not exist, and publishes nothing', async () => {
    const { version } = (await t.editing.getRecord('node', node().id)) ?? { version: -1 };
    expect(
      (await send('PATCH', `/nodes/${node().id}`, { version, data: { description: '未公開' } })).status,
    ).toBe(200);
    const adminToken = await t.accounts.issueApiToken(t.users.admin.id, t.users.admin.id, 'admin');
    if (!adminToken.ok) throw new Error('cannot issue a token');
    const res = await send('POST', '/plans/no-such-plan/publish', {}, adminToken.value.token);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('no-such-plan'),
    });
    expect((await t.editing.listDrafts(t.planId)).length).toBe(1);
  });

  it('answers 409 with both versions for a stale version, and writes nothing', async () => {
    const { version } = (await t.editing.getRecord('node', node().id)) ?? { version: -1 };
    expect(
      (await send('PATCH', `/nodes/${node().id}`, { version, data: { description: 'first' } })).status,
    ).toBe(200);
    const stale = await send('PATCH', `/nodes/${node().id}`, { version, data: { description: 'second' } });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as {
      error: { code: string; current: { data: { description: string } }; submitted: unknown };
    };
    expect(body.error.code).toBe('conflict');
    expect(body.error.current.data.description).toBe('first');
    expect(JSON.stringify(body.error.submitted)).toContain('second');
    const stored = await t.editing.getRecord('node', node().id);
    expect((stored?.data as { description?: string } | undefined)?.description).toBe('first');
  });

  it('answers 400 per field for an invalid record and for a body that is not JSON', async () => {
    const { version } = (await t.editing.getRecord('node', node().id)) ?? { version: -1 };
    const res = await send('PATCH', `/nodes/${node().id}`, { version, data: { title: '' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { field: string; message: string }[] } };
    expect(body.error.issues.map((i) => i.field)).toContain('title');
    expect(body.error.issues.find((i) => i.field === 'title')?.message).toMatch(
      /^「title」.*\(invalid title\)/,
    );
    const broken = await t.app.request(`/api/v1/nodes/${node().id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);
  });

  it('refuses a NUL character in a text with 400 naming the field, never 500', async () => {
    const { version } = (await t.editing.getRecord('node', node().id)) ?? { version: -1 };
    const res = await send('PATCH', `/nodes/${node().id}`, { version, data: { description: 'a\u0000b' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { field: string; message: string }[] } };
    expect(body.error.issues.find((i) => i.field === 'description')?.message).toBe(
      '「description」に NUL 文字は使えません (description contains a NUL character)',
    );
  });

  it('refuses a description over 20,000 characters with 400 naming the field', async () => {
    const { version } = (await t.editing.getRecord('node', node().id)) ?? { version: -1 };
    const res = await send('PATCH', `/nodes/${node().id}`, {
      version,
      data: { description: 'x'.repeat(20_001) },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { field: string; message: string }[] } };
    expect(body.error.issues.find((i) => i.field === 'description')?.message).toBe(
      '「description」は 20,000 文字以内にしてください (description is longer than 20,000 characters)',
    );
    const ok = await send('PATCH', `/nodes/${node().id}`, {
      version,
      data: { description: 'x'.repeat(20_000) },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a javascript: URL in a source with 400 naming the field, and saves no draft', async () => {
    const source = await t.db.selectFrom('source').select('id').executeTakeFirstOrThrow();
    const { version } = (await t.editing.getRecord('source', source.id)) ?? { version: -1 };
    const res = await send('PATCH', `/sources/${encodeURIComponent(source.id)}`, {
      version,
      data: { url: 'javascript:alert(document.cookie)' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { field: string; message: string }[] } };
    const issue = body.error.issues.find((i) => i.field === 'url');
    expect(issue?.message).toMatch(/^「url」の URL は http: か https:.*\(url: only http: and https: URLs/);
    const ok = await send('PATCH', `/sources/${encodeURIComponent(source.id)}`, {
      version,
      data: { url: 'https://www.city.komoro.lg.jp/' },
    });
    expect(ok.status).toBe(200);
  });

  it('needs a version to delete, and refuses to delete a node with something under it', async () => {
    const achievement = findNode([t.outside], (n) => n.achievements.length > 0)?.achievements[0];
    if (!achievement) throw new Error('the demo needs an achievement');
    expect((await send('DELETE', `/achievements/${achievement.id}`)).status).toBe(400);
    const { version } = (await t.editing.getRecord('achievement', achievement.id)) ?? { version: -1 };
    const res = await send('DELETE', `/achievements/${achievement.id}?version=${version}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { draft: { action: string } }).draft.action).toBe('delete');
    const parent = (await t.editing.getRecord('node', t.outside.id))?.version;
    expect((await send('DELETE', `/nodes/${t.outside.id}?version=${parent}`)).status).toBe(400);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const editor = await signIn(t.app, 'editor');
    const { version } = (await t.editing.getRecord('node', node().id)) ?? { version: -1 };
    const request = (headers: Record<string, string>) =>
      t.app.request(`/api/v1/nodes/${node().id}`, {
        method: 'PATCH',
        headers: { cookie: editor.cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ version, data: { description: 'cookie' } }),
      });
    expect((await request({})).status).toBe(403);
    expect((await request({ 'x-csrf-token': editor.csrf })).status).toBe(200);
  });

  it('lets the bearer token alone decide who calls, whatever session cookie comes along', async () => {
    const admin = await signIn(t.app, 'admin');
    const res = await t.app.request(`/api/v1/plans/${t.planId}/publish`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${editorToken}`,
        cookie: admin.cookie,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('writes an indicator value at /indicator-values, and at /observations, the deprecated alias', async () => {
    const id = 'mirai-2016.i.furusato-nozei:baseline';
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as ServedOpenApiDocument & {
      paths: Record<string, Record<string, { deprecated?: boolean; operationId?: string }>>;
    };
    const validate = responseValidator(doc);
    const stored = await t.editing.getRecord('indicatorValue', id);
    const current = await send('PATCH', `/indicator-values/${encodeURIComponent(id)}`, {
      version: stored?.version,
      data: { note: '新しい名前' },
    });
    expect(current.status).toBe(200);
    const draft = (await current.json()) as { draft: { entity: string; version: number } };
    expect(draft.draft.entity).toBe('indicatorValue');
    expect(validate('/indicator-values/{id}', 'patch', 200, draft)).toEqual([]);
    // The old path edits the same draft (version 1 is the draft's own).
    const former = await send('PATCH', `/observations/${encodeURIComponent(id)}`, {
      version: draft.draft.version,
      data: { note: '古い名前' },
    });
    expect(former.status).toBe(200);
    expect(await t.editing.getRecord('indicatorValue', id)).toMatchObject({ data: { note: '古い名前' } });
    expect(doc.paths['/indicator-values/{id}']?.patch).toMatchObject({ operationId: 'updateIndicatorValue' });
    expect(doc.paths['/indicator-values/{id}']?.patch?.deprecated).toBeUndefined();
    for (const method of ['patch', 'delete'])
      expect(doc.paths['/observations/{id}']?.[method]).toMatchObject({ deprecated: true });
    expect(doc.paths['/observations']?.post).toMatchObject({
      deprecated: true,
      operationId: 'createObservation',
    });
  });

  it('lists the write operations in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, object>;
    };
    expect(Object.keys(doc.paths['/nodes/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
  });
});
