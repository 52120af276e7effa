/**
 * Every write route × every role, on SQLite and PostgreSQL. The route list comes from the app's own router, so a
 * write route added without a case here fails the first test instead of escaping the matrix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { EditingEntity } from '../../domain/editing/records.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { formValues } from '../admin/form-values.ts';
import { collections } from '../api-write/collections.ts';
import {
  findNode,
  loginRequest,
  openStaffTestApp,
  postForm,
  type SignedIn,
  type StaffTestApp,
  signIn,
  type TestLogin,
} from './testing.ts';

type Who = TestLogin | 'anonymous';
type Answer = 'ok' | 'forbidden' | 'unauthenticated';
const everyone: Who[] = ['admin', 'editor', 'scoped', 'viewer', 'anonymous'];

/** Content outside the scoped editor's department. */
const content: Record<Who, Answer> = {
  admin: 'ok',
  editor: 'ok',
  scoped: 'forbidden',
  viewer: 'forbidden',
  anonymous: 'unauthenticated',
};
const adminOnly: Record<Who, Answer> = {
  admin: 'ok',
  editor: 'forbidden',
  scoped: 'forbidden',
  viewer: 'forbidden',
  anonymous: 'unauthenticated',
};
const open: Record<Who, Answer> = { admin: 'ok', editor: 'ok', scoped: 'ok', viewer: 'ok', anonymous: 'ok' };

interface Caller {
  who: Who;
  session: SignedIn | undefined;
  token: string | undefined;
}

interface RouteCase {
  expected: Record<Who, Answer>;
  send(t: StaffTestApp, caller: Caller): Promise<Response>;
}

async function answerOf(res: Response): Promise<Answer | string> {
  if (res.status === 401) return 'unauthenticated';
  if (res.status === 303 && (res.headers.get('location') ?? '').startsWith('/login'))
    return 'unauthenticated';
  if (res.status === 403) return 'forbidden';
  if (res.status < 400) return 'ok';
  return `${res.status}: ${(await res.text()).slice(0, 300)}`;
}

async function current(t: StaffTestApp, entity: EditingEntity, id: string) {
  const record = await t.editing.getRecord(entity, id);
  if (!record) throw new Error(`${entity} ${id} missing`);
  return record;
}

/** An existing record of each entity, outside the scoped editor's department. */
async function samples(t: StaffTestApp): Promise<Record<EditingEntity, string>> {
  const indicatorNode = findNode([t.outside], (n) =>
    n.indicators.some((i) => i.observations.some((o) => o.id)),
  );
  const indicator = indicatorNode?.indicators.find((i) => i.observations.some((o) => o.id));
  const achievementNode = findNode([t.outside], (n) => n.achievements.length > 0);
  const source = await withEditingTables(t.db).selectFrom('source').select('id').executeTakeFirstOrThrow();
  const evaluation = await t.editing.saveChange(t.users.admin, {
    entity: 'evaluation',
    action: 'create',
    id: 'matrix-evaluation',
    version: null,
    data: {
      id: 'matrix-evaluation',
      nodeId: t.outside.id,
      position: 0,
      evaluatorKind: 'internal',
      evaluatorName: 'test',
      scale: 'A-D',
      grade: 'B',
      source: { documentId: 'komoro-pride-vol5' },
    },
  });
  if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.error));
  if (!indicator || !achievementNode)
    throw new Error('the demo needs an indicator and an achievement outside the department');
  return {
    plan: t.planId,
    node: t.outside.id,
    indicator: indicator.id,
    observation: indicator.observations.find((o) => o.id)?.id ?? '',
    achievement: achievementNode.achievements[0]?.id ?? '',
    evaluation: 'matrix-evaluation',
    source: String(source.id),
  };
}

async function apiRequest(t: StaffTestApp, caller: Caller, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  return t.app.request(`/api/v1${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function buildCases(sample: Record<EditingEntity, string>): Map<string, RouteCase> {
  const cases = new Map<string, RouteCase>();
  const add = (key: string, expected: Record<Who, Answer>, send: RouteCase['send']) =>
    cases.set(key, { expected, send });
  const created = (entity: EditingEntity, who: Who) => `matrix-${entity}-${who}`;

  add('POST /login', open, (t, c) => loginRequest(t.app, c.who === 'anonymous' ? 'viewer' : c.who));
  add('POST /logout', open, async (t, c) =>
    postForm(t.app, '/logout', c.session ? await signIn(t.app, c.who) : undefined, {}),
  );
  add('POST /admin/records/:entity', content, async (t, c) => {
    const record = await current(t, 'achievement', sample.achievement);
    const values = { ...formValues('achievement', record.data), id: created('achievement', c.who) };
    return postForm(t.app, '/admin/records/achievement', c.session, values);
  });
  add('POST /admin/records/:entity/:id', content, async (t, c) => {
    const record = await current(t, 'node', sample.node);
    const values = {
      ...formValues('node', record.data),
      description: `by ${c.who}`,
      version: String(record.version),
    };
    return postForm(t.app, `/admin/records/node/${sample.node}`, c.session, values);
  });
  add('POST /admin/records/:entity/:id/delete', content, async (t, c) => {
    const record = await current(t, 'evaluation', sample.evaluation);
    return postForm(t.app, `/admin/records/evaluation/${sample.evaluation}/delete`, c.session, {
      version: String(record.version),
    });
  });
  add('POST /admin/nodes/:id/move', content, async (t, c) =>
    postForm(t.app, `/admin/nodes/${sample.node}/move`, c.session, { parentId: '', position: String(1) }),
  );
  add('POST /admin/plans/:id/publish', adminOnly, async (t, c) => {
    const drafts = (await t.editing.listDrafts(t.planId)).map((d) => d.id);
    return postForm(t.app, `/admin/plans/${t.planId}/publish`, c.session, { draftIds: drafts });
  });
  add('POST /admin/users', adminOnly, (t, c) =>
    postForm(t.app, '/admin/users', c.session, {
      login: `new-${c.who}`,
      password: 'a-long-enough-password',
      role: 'viewer',
      nodeIds: '',
    }),
  );
  add('POST /admin/users/:id', adminOnly, (t, c) =>
    postForm(t.app, `/admin/users/${t.users.viewer.id}`, c.session, { role: 'viewer', nodeIds: '' }),
  );
  add('POST /admin/users/:id/disable', adminOnly, async (t, c) => {
    const res = await postForm(t.app, `/admin/users/${t.users.viewer.id}/disable`, c.session, {});
    await t.accounts.updateUser(t.users.admin, t.users.viewer.id, { disabled: false });
    return res;
  });
  add('POST /admin/users/:id/enable', adminOnly, (t, c) =>
    postForm(t.app, `/admin/users/${t.users.viewer.id}/enable`, c.session, {}),
  );
  add('POST /admin/users/:id/tokens', adminOnly, (t, c) =>
    postForm(t.app, `/admin/users/${t.users.viewer.id}/tokens`, c.session, { label: 'matrix' }),
  );
  add('POST /admin/tokens/:id/revoke', adminOnly, async (t, c) => {
    const issued = await t.accounts.issueApiToken(t.users.admin.id, t.users.viewer.id, 'to revoke');
    if (!issued.ok) throw new Error('cannot issue');
    return postForm(t.app, `/admin/tokens/${issued.value.id}/revoke`, c.session, {});
  });

  for (const [name, entity] of Object.entries(collections)) {
    add(`POST /api/v1/${name}`, content, async (t, c) => {
      const record = await current(t, entity, sample[entity]);
      const id = created(entity, c.who);
      return apiRequest(t, c, 'POST', `/${name}`, { data: { ...(record.data as object), id } });
    });
    add(`PATCH /api/v1/${name}/:id`, content, async (t, c) => {
      const record = await current(t, entity, sample[entity]);
      return apiRequest(t, c, 'PATCH', `/${name}/${encodeURIComponent(sample[entity])}`, {
        version: record.version,
        data: {},
      });
    });
    add(`DELETE /api/v1/${name}/:id`, content, async (t, c) => {
      const record = await current(t, entity, sample[entity]);
      return apiRequest(
        t,
        c,
        'DELETE',
        `/${name}/${encodeURIComponent(sample[entity])}?version=${record.version}`,
      );
    });
  }
  add('POST /api/v1/plans/:id/publish', adminOnly, (t, c) =>
    apiRequest(t, c, 'POST', `/plans/${t.planId}/publish`, { draftIds: [] }),
  );
  return cases;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe.each(testDatabases)('write routes × roles on $name', (database) => {
  let t: StaffTestApp;
  let cases: Map<string, RouteCase>;
  const callers = new Map<Who, Caller>();

  beforeAll(async () => {
    t = await openStaffTestApp(database.open);
    cases = buildCases(await samples(t));
    for (const who of everyone) {
      if (who === 'anonymous') {
        callers.set(who, { who, session: undefined, token: undefined });
        continue;
      }
      const issued = await t.accounts.issueApiToken(t.users.admin.id, t.users[who].id, 'matrix');
      if (!issued.ok) throw new Error('cannot issue a token');
      callers.set(who, { who, session: await signIn(t.app, who), token: issued.value.token });
    }
  });
  afterAll(() => t.close());

  it('has a case for every write route the app serves', () => {
    const routes = new Set(
      t.app.routes.filter((r) => writeMethods.has(r.method)).map((r) => `${r.method} ${r.path}`),
    );
    expect([...routes].filter((key) => !cases.has(key))).toEqual([]);
    expect([...cases.keys()].filter((key) => !routes.has(key))).toEqual([]);
  });

  it('gives every role the answer its permissions allow, on every write route', async () => {
    const wrong: string[] = [];
    for (const [key, routeCase] of cases) {
      for (const who of everyone) {
        const caller = callers.get(who);
        if (!caller) throw new Error(`no caller for ${who}`);
        const answer = await answerOf(await routeCase.send(t, caller));
        if (answer !== routeCase.expected[who])
          wrong.push(`${key} as ${who}: ${answer}, expected ${routeCase.expected[who]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
