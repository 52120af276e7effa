/**
 * Every write route × every role, on SQLite and PostgreSQL. The route list comes from the app's own router, so a
 * write route added without a case here fails the first test instead of escaping the matrix.
 * Across organizations too: the records are 小諸市's; an admin, editor and viewer scoped to 枚方市 are refused (403)
 * on every write route and every draft read, and an admin scoped to 小諸市 itself may do all an admin may, except
 * add organizations (the operator's alone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  findNode,
  loginRequest,
  openStaffTestApp,
  postForm,
  postMultipart,
  type SignedIn,
  type StaffTestApp,
  signIn,
  type TestLogin,
  testPassword,
} from '../../../test/helpers/staff-app.ts';
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { PlanNode } from '../../domain/model.ts';
import type { User } from '../../store/editing/contract.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { formValues } from '../admin/form-values.ts';
import { registryFormValues } from '../admin/registry-edit.tsx';
import { documentFields, organizationFields } from '../admin/registry-fields.ts';
import { collections, deprecatedCollections, updateOnly } from '../api-write/collections.ts';

/** Accounts scoped to an organization: 小諸市's own admin, and three of 枚方市's staff. */
const tenantLogins = {
  'komoro-admin': { role: 'admin', organizationId: 'komoro' },
  'hirakata-admin': { role: 'admin', organizationId: 'hirakata' },
  'hirakata-editor': { role: 'editor', organizationId: 'hirakata' },
  'hirakata-viewer': { role: 'viewer', organizationId: 'hirakata' },
} as const;
type TenantLogin = keyof typeof tenantLogins;
const otherOrganization = ['hirakata-admin', 'hirakata-editor', 'hirakata-viewer'] as const;

type Who = TestLogin | TenantLogin | 'anonymous';
type Answer = 'ok' | 'forbidden' | 'unauthenticated';
const everyone: Who[] = [
  'admin',
  'editor',
  'scoped',
  'viewer',
  'anonymous',
  'komoro-admin',
  ...otherOrganization,
];

/** The answers within 小諸市, with 枚方市's staff refused whatever their role and 小諸市's admin answered as an admin. */
function acrossOrganizations(
  within: Record<TestLogin | 'anonymous', Answer>,
  komoroAdmin: Answer = within.admin,
): Record<Who, Answer> {
  return {
    ...within,
    'komoro-admin': komoroAdmin,
    'hirakata-admin': 'forbidden',
    'hirakata-editor': 'forbidden',
    'hirakata-viewer': 'forbidden',
  };
}

/** Content outside the scoped editor's department. */
const content = acrossOrganizations({
  admin: 'ok',
  editor: 'ok',
  scoped: 'forbidden',
  viewer: 'forbidden',
  anonymous: 'unauthenticated',
});
const adminOnly = acrossOrganizations({
  admin: 'ok',
  editor: 'forbidden',
  scoped: 'forbidden',
  viewer: 'forbidden',
  anonymous: 'unauthenticated',
});
/** Adding an organization: the operator-wide admin only, never one city's. */
const operatorOnly = acrossOrganizations(adminOnly, 'forbidden');
const open: Record<Who, Answer> = Object.fromEntries(everyone.map((who) => [who, 'ok'])) as Record<
  Who,
  Answer
>;

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

/** Creates a record as the admin and publishes it, so every role meets the same published record. */
async function published(
  t: StaffTestApp,
  entity: EditingEntity,
  data: Record<string, unknown>,
): Promise<string> {
  const id = String(data.id);
  const saved = await t.editing.saveChange(t.users.admin, {
    entity,
    action: 'create',
    id,
    version: null,
    data,
  });
  if (!saved.ok) throw new Error(`${entity}: ${JSON.stringify(saved.error)}`);
  const done = await t.editing.publish(t.users.admin, [saved.value.id]);
  if (!done.ok) throw new Error(`${entity}: ${JSON.stringify(done.error)}`);
  return id;
}

/**
 * One published record per entity, outside the scoped editor's department and with nothing under it, so that a
 * delete is allowed to succeed; observations come from the demo (their ids are generated).
 */
type Samples = Record<EditingEntity, string> & { formEvaluation: string; formerPathValue: string };

async function samples(t: StaffTestApp): Promise<Samples> {
  const source = { documentId: 'komoro-pride-vol5' };
  const under = { nodeId: t.outside.id, position: 0 };
  const observation = await withEditingTables(t.db)
    .selectFrom('indicator_value as v')
    .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
    .select(['v.id', 'v.indicator_id'])
    .where('i.node_id', 'in', nodeIdsUnder(t.outside))
    .where('v.role', '=', 'observation')
    .executeTakeFirstOrThrow();
  const achievement = findNode([t.outside], (n) => n.achievements.length > 0)?.achievements[0];
  if (!achievement) throw new Error('the demo needs an achievement outside the department');
  // Sources are only corrected on their own (never created or deleted): one an outside record cites.
  const achievementSource = await withEditingTables(t.db)
    .selectFrom('achievement')
    .select('source_id')
    .where('id', '=', achievement.id)
    .executeTakeFirstOrThrow();
  return {
    plan: await published(t, 'plan', {
      id: 'matrix-plan',
      organizationId: 'komoro',
      title: 'matrix plan',
      kind: 'record',
      periodStart: '2024',
      periodEnd: '2028',
      publishedAt: '2024',
      source,
    }),
    node: await published(t, 'node', {
      id: 'matrix-node',
      kind: 'policy',
      title: 'matrix node',
      planId: t.planId,
      parentId: t.outside.id,
      position: t.outside.children.length,
    }),
    indicator: await published(t, 'indicator', {
      id: 'matrix-indicator',
      name: 'matrix',
      unit: '件',
      direction: 'increase',
      ...under,
    }),
    indicatorValue: observation.id,
    achievement: achievement.id,
    evaluation: await published(t, 'evaluation', {
      id: 'matrix-evaluation',
      evaluatorKind: 'internal',
      evaluatorName: 'test',
      scale: 'A-D',
      source,
      ...under,
    }),
    programSheet: await published(t, 'programSheet', {
      id: 'matrix-program-sheet',
      fiscalYear: 2024,
      settlement: 1_234_000,
      source,
      ...under,
    }),
    source: String(achievementSource.source_id),
    // The form's delete case has its own record, so the API cases still find theirs.
    // The deprecated /observations path deletes a value of its own, so the /indicator-values cases keep theirs.
    formerPathValue: await published(t, 'indicatorValue', {
      id: `${observation.indicator_id}:observation@2098-01`,
      indicatorId: observation.indicator_id,
      role: 'observation',
      position: 99,
      value: 1,
      date: '2098-01',
      source,
    }),
    formEvaluation: await published(t, 'evaluation', {
      id: 'matrix-evaluation-form',
      evaluatorKind: 'internal',
      evaluatorName: 'test',
      scale: 'A-D',
      source,
      ...under,
    }),
  };
}

function nodeIdsUnder(node: PlanNode): string[] {
  return [node.id, ...node.children.flatMap(nodeIdsUnder)];
}

/** A draft for a publish case to publish: the admin edits the node again. */
async function freshDraft(t: StaffTestApp, nodeId: string, who: Who): Promise<string> {
  const record = await current(t, 'node', nodeId);
  const data = { ...(record.data as object), description: `publish as ${who}` };
  const saved = await t.editing.saveChange(t.users.admin, {
    entity: 'node',
    action: 'update',
    id: nodeId,
    data,
    version: record.version,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  return saved.value.id;
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

const callerMonths = Object.fromEntries(
  everyone.map((who, n) => [who, `2099-${String(n + 1).padStart(2, '0')}`]),
) as Record<Who, string>;

/** A one-row observations CSV: a new month of a demo indicator for each caller, so an admin's import changes something. */
const matrixImportFile = (who: Who) => ({
  name: `matrix-${who}.csv`,
  bytes: new TextEncoder().encode(
    'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote\n' +
      `mirai-2016.i.seizure-count,${callerMonths[who]},1件,komoro-pride-vol5,99,H28:102件\n`,
  ),
});

function buildCases(sample: Samples, target: string): Map<string, RouteCase> {
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
    const record = await current(t, 'evaluation', sample.formEvaluation);
    return postForm(t.app, `/admin/records/evaluation/${sample.formEvaluation}/delete`, c.session, {
      version: String(record.version),
    });
  });
  // A later stage (二次評価) drafted by the admin, one fiscal year per caller since a stage is signed once.
  add('POST /admin/evaluations/:id/sign', adminOnly, async (t, c) => {
    const id = `matrix-sign-${c.who}`;
    const saved = await t.editing.saveChange(t.users.admin, {
      entity: 'evaluation',
      action: 'create',
      id,
      version: null,
      data: {
        id,
        nodeId: t.outside.id,
        position: 0,
        fiscalYear: 2100 + everyone.indexOf(c.who),
        evaluatorKind: 'internal',
        evaluatorName: 'matrix',
        stage: 'second',
        scale: 'A-D',
        source: { documentId: 'komoro-pride-vol5' },
      },
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const record = await current(t, 'evaluation', id);
    return postForm(t.app, `/admin/evaluations/${id}/sign`, c.session, { version: String(record.version) });
  });
  add('POST /admin/nodes/:id/move', content, async (t, c) =>
    postForm(t.app, `/admin/nodes/${sample.node}/move`, c.session, { parentId: t.outside.id, position: '0' }),
  );
  add('POST /admin/drafts/:id/discard', content, async (t, c) => {
    const draftId = await freshDraft(t, t.outside.id, c.who);
    const draft = (await t.editing.listDrafts(t.planId)).find((d) => d.id === draftId);
    return postForm(t.app, `/admin/drafts/${draftId}/discard`, c.session, {
      version: String(draft?.version),
    });
  });
  // Imports land as drafts by default: for admins and editors of the whole site (a department's editor may not: a
  // table's rows fall anywhere in the plan). The commit needs the token of the caller's own preview.
  // A caller refused at the preview (another organization's plan) never holds a token to go on with: that 403 is the answer.
  const preview = (t: StaffTestApp, c: Caller) =>
    postMultipart(
      t.app,
      '/admin/import/preview',
      c.session,
      { planId: t.planId },
      { file: matrixImportFile(c.who) },
    );
  add('POST /admin/import/preview', content, preview);
  add('POST /admin/import/commit', content, async (t, c) => {
    const previewed = await preview(t, c);
    if (previewed.status === 403) return previewed;
    const html = await previewed.text();
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
    // 2099 lies after the plan's period: confirm the warnings the preview lists (and 1件 after 140件: a drop).
    const confirm = [...html.matchAll(/name="confirm" value="([^"]+)"/g)].map((m) => m[1] ?? '');
    return postForm(t.app, '/admin/import/commit', c.session, { token, confirm });
  });
  // A table as towns publish it is checked again with staff's column mapping: the same upload, a new preview.
  add('POST /admin/import/recheck', content, async (t, c) => {
    const published = {
      name: `kpi-${c.who}.csv`,
      bytes: new TextEncoder().encode('指標名,平成28年\n観光客数,1人\n'),
    };
    const previewed = await postMultipart(
      t.app,
      '/admin/import/preview',
      c.session,
      { planId: t.planId },
      { file: published },
    );
    if (previewed.status === 403) return previewed;
    const html = await previewed.text();
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return postForm(t.app, '/admin/import/recheck', c.session, {
      token,
      'header-0': '指標名',
      'target-0': 'name',
    });
  });
  // Organizations and documents are public at once: admins only.
  add('POST /admin/organizations', operatorOnly, (t, c) =>
    postForm(t.app, '/admin/organizations', c.session, {
      name: `団体 ${c.who}`,
      nameEn: `matrix ${c.who}`,
      kind: 'office',
    }),
  );
  add('POST /admin/documents', adminOnly, (t, c) =>
    postMultipart(
      t.app,
      '/admin/documents',
      c.session,
      {
        organizationId: 'komoro',
        title: `資料 ${c.who}`,
        publishedAt: '2025-03',
        kind: 'press',
        text: '一行目',
        id: `matrix-doc-${c.who}`,
      },
      {},
    ),
  );
  // Editing them after registration: admins only, each against the version stored now.
  add('POST /admin/organizations/:id', adminOnly, async (t, c) => {
    const stored = await t.editing.editableOrganization('komoro');
    if (!stored) throw new Error('the demo needs komoro');
    return postForm(t.app, '/admin/organizations/komoro', c.session, {
      ...registryFormValues(organizationFields, stored.record),
      version: String(stored.version),
    });
  });
  add('POST /admin/documents/:id', adminOnly, async (t, c) => {
    const stored = await t.editing.editableDocument('komoro-pride-vol5');
    if (!stored) throw new Error('the demo needs komoro-pride-vol5');
    return postForm(t.app, '/admin/documents/komoro-pride-vol5', c.session, {
      ...registryFormValues(documentFields, stored.record),
      kind: stored.record.kind ?? 'official',
      note: `by ${c.who}`,
      version: String(stored.version),
    });
  });
  add('POST /admin/users', adminOnly, (t, c) =>
    postForm(t.app, '/admin/users', c.session, {
      login: `new-${c.who}`,
      password: 'a-long-enough-password',
      role: 'viewer',
      nodeIds: '',
      organizationId: 'komoro',
    }),
  );
  add('POST /admin/users/:id', adminOnly, (t, c) =>
    postForm(t.app, `/admin/users/${target}`, c.session, { role: 'viewer', nodeIds: '' }),
  );
  add('POST /admin/users/:id/disable', adminOnly, async (t, c) => {
    const res = await postForm(t.app, `/admin/users/${target}/disable`, c.session, {});
    await t.accounts.updateUser(t.users.admin, target, { disabled: false });
    return res;
  });
  add('POST /admin/users/:id/enable', adminOnly, (t, c) =>
    postForm(t.app, `/admin/users/${target}/enable`, c.session, {}),
  );
  add('POST /admin/users/:id/tokens', adminOnly, (t, c) =>
    postForm(t.app, `/admin/users/${target}/tokens`, c.session, { label: 'matrix' }),
  );
  add('POST /admin/tokens/:id/revoke', adminOnly, async (t, c) => {
    const issued = await t.accounts.issueApiToken(t.users.admin.id, target, 'to revoke');
    if (!issued.ok) throw new Error('cannot issue');
    return postForm(t.app, `/admin/tokens/${issued.value.id}/revoke`, c.session, {});
  });

  // The deprecated /observations alias is a write route too: it gets the same cases.
  const served = [
    ...Object.entries(collections).map(([name, entity]) => [name, entity, sample[entity]] as const),
    ...Object.entries(deprecatedCollections).map(
      ([name, { entity }]) => [name, entity, sample.formerPathValue] as const,
    ),
  ];
  for (const [name, entity, id] of served) {
    add(`PATCH /api/v1/${name}/:id`, content, async (t, c) => {
      const record = await current(t, entity, id);
      return apiRequest(t, c, 'PATCH', `/${name}/${encodeURIComponent(id)}`, {
        version: record.version,
        data: {},
      });
    });
    if (updateOnly.has(entity)) continue;
    add(`POST /api/v1/${name}`, content, async (t, c) => {
      const record = await current(t, entity, id);
      const created = `api-${name}-${c.who}`;
      // A program has one sheet per fiscal year, so each caller's copy takes a year of its own.
      const year = entity === 'programSheet' ? { fiscalYear: 2100 + everyone.indexOf(c.who) } : {};
      return apiRequest(t, c, 'POST', `/${name}`, {
        data: { ...(record.data as object), id: created, ...year },
      });
    });
    add(`DELETE /api/v1/${name}/:id`, content, async (t, c) => {
      const record = await current(t, entity, id);
      return apiRequest(t, c, 'DELETE', `/${name}/${encodeURIComponent(id)}?version=${record.version}`);
    });
  }
  // Last, so the drafts every other case made are there to publish.
  add('POST /admin/plans/:id/publish', adminOnly, async (t, c) => {
    await freshDraft(t, t.outside.id, c.who);
    const drafts = (await t.editing.listDrafts(t.planId)).map((d) => d.id);
    return postForm(t.app, `/admin/plans/${t.planId}/publish`, c.session, { draftIds: drafts });
  });
  add('POST /api/v1/plans/:id/publish', adminOnly, async (t, c) =>
    apiRequest(t, c, 'POST', `/plans/${t.planId}/publish`, {
      draftIds: [await freshDraft(t, t.outside.id, c.who)],
    }),
  );
  return cases;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** 枚方市 beside 小諸市's demo, created by the operator-wide admin with one published plan of its own. */
async function addSecondOrganization(t: StaffTestApp): Promise<void> {
  const created = await t.editing.createOrganization(t.users.admin, {
    id: 'hirakata',
    name: '枚方市',
    kind: 'municipality',
    municipalityCode: '272108',
  });
  if (!created.ok) throw new Error(`cannot add 枚方市: ${JSON.stringify(created.error)}`);
  await published(t, 'plan', {
    id: 'hirakata-plan',
    organizationId: 'hirakata',
    title: '枚方市の計画',
    kind: 'record',
    periodStart: '2024',
    periodEnd: '2028',
    publishedAt: '2024',
    source: { documentId: 'komoro-pride-vol5' },
  });
}

async function addTenantUsers(t: StaffTestApp): Promise<Record<TenantLogin, User>> {
  await addSecondOrganization(t);
  const added = {} as Record<TenantLogin, User>;
  for (const [login, { role, organizationId }] of Object.entries(tenantLogins)) {
    const result = await t.accounts.addUser({ login, password: testPassword, role, organizationId });
    if (!result.ok) throw new Error(`cannot add ${login}: ${JSON.stringify(result.error)}`);
    added[login as TenantLogin] = result.value;
  }
  return added;
}

/** Staff pages that show drafts: 小諸市's plan with its drafts, a drafted record's form, a new record's form under it. */
async function draftReads(t: StaffTestApp): Promise<string[]> {
  const draftId = await freshDraft(t, t.outside.id, 'anonymous');
  const draft = (await t.editing.listDrafts(t.planId)).find((d) => d.id === draftId);
  if (!draft) throw new Error('no draft to read');
  return [
    `/admin/plans/${t.planId}`,
    `/admin/records/node/${encodeURIComponent(t.outside.id)}`,
    `/admin/records/indicator/new?nodeId=${encodeURIComponent(t.outside.id)}`,
    `/admin/records/node/new?planId=${encodeURIComponent(t.planId)}&parentId=${encodeURIComponent(t.outside.id)}`,
    `/admin/records/plan/${t.planId}`,
  ];
}

describe.each(testDatabases)('write routes × roles on $name', (database) => {
  let t: StaffTestApp;
  let cases: Map<string, RouteCase>;
  const callers = new Map<Who, Caller>();

  beforeAll(async () => {
    t = await openStaffTestApp(database.openDemo);
    // 小諸市's account: 枚方市's admin may not touch it, 小諸市's may.
    const throwaway = await t.accounts.addUser({
      login: 'target',
      password: 'a-long-enough-password',
      role: 'viewer',
      organizationId: 'komoro',
    });
    if (!throwaway.ok) throw new Error('cannot add the target user');
    const tenants = await addTenantUsers(t);
    cases = buildCases(await samples(t), throwaway.value.id);
    for (const who of everyone) {
      if (who === 'anonymous') {
        callers.set(who, { who, session: undefined, token: undefined });
        continue;
      }
      const user = who in tenants ? tenants[who as TenantLogin] : t.users[who as TestLogin];
      const issued = await t.accounts.issueApiToken(t.users.admin.id, user.id, 'matrix');
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

  it('shows drafts to 小諸市’s staff and the operator’s, and refuses them (403) to 枚方市’s, whatever the role', async () => {
    const wrong: string[] = [];
    for (const path of await draftReads(t)) {
      for (const who of ['admin', 'viewer', 'komoro-admin', ...otherOrganization] as const) {
        const caller = callers.get(who);
        const res = await t.app.request(path, { headers: { cookie: caller?.session?.cookie ?? '' } });
        const expected = who.startsWith('hirakata') ? 403 : 200;
        if (res.status !== expected) wrong.push(`GET ${path} as ${who}: ${res.status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lists on the staff home only the plans of the staff’s own organization', async () => {
    const home = async (who: Who) =>
      (
        await t.app.request('/admin', { headers: { cookie: callers.get(who)?.session?.cookie ?? '' } })
      ).text();
    const komoroPlan = `/admin/plans/${t.planId}`;
    expect(await home('admin')).toContain(komoroPlan);
    expect(await home('komoro-admin')).toContain(komoroPlan);
    const other = await home('hirakata-admin');
    expect(other).not.toContain(komoroPlan);
    expect(other).toContain('/admin/plans/hirakata-plan');
  });

  it('refuses 枚方市’s admin an import without a chosen plan: every row of 小諸市’s plans is refused', async () => {
    const caller = callers.get('hirakata-admin');
    const res = await postMultipart(
      t.app,
      '/admin/import/preview',
      caller?.session,
      {},
      { file: matrixImportFile('hirakata-admin') },
    );
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('another organization');
    expect(html).not.toContain('name="token"');
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
