/**
 * Organizations as tenants, end to end on SQLite and PostgreSQL: 小諸市 and 枚方市 imported one after the other into
 * one database as JSON interchange files (the second merged into a database that already holds the first), each
 * with its own staff scoped by 団体コード, who add a pillar by a table import into their own city and are refused
 * (403) in the other; the public /o/{団体コード} pages and the API list each city's plans only.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import { postMultipart, type SignedIn, signIn } from '../../test/helpers/staff-app.ts';
import type { OrganizationDocument } from '../domain/model.ts';
import { demoDatasetDir, loadDataset, otherDemoDatasetDirs } from '../io/dataset.ts';
import { importOrganizationDocument, parseOrganizationDocument } from '../io/interchange/index.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import type { DatabaseHandle } from '../store/db.ts';
import { createEditingStore } from '../store/editing/index.ts';
import { createReadStore } from '../store/queries.ts';
import { tableImportService } from './admin/table-import-service.ts';
import { createApp } from './app.tsx';

const password = 'a-long-enough-password';

/** The document as `mieruka export` writes it and `mieruka import` reads it back. */
function throughJson(doc: OrganizationDocument): OrganizationDocument {
  const parsed = parseOrganizationDocument(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.doc;
}

/** A one-row nodes table: a new pillar of the document's first plan, named after the caller. */
function nodesTable(doc: OrganizationDocument, by: string) {
  const nodeId = `${doc.organization.id}-pillar-by-${by}`;
  const csv = `planId,id,parentId,kind,title\n${doc.plans[0]?.id},${nodeId},,pillar,${by} が加えた柱\n`;
  return { nodeId, file: { name: `${nodeId}.csv`, bytes: new TextEncoder().encode(csv) } };
}

describe.each(testDatabases)('two organizations in one database on $name', (database) => {
  let handle: DatabaseHandle;
  let app: Hono;
  let komoro: OrganizationDocument;
  let hirakata: OrganizationDocument;
  const staff = new Map<string, SignedIn>();
  const merged: { second?: boolean } = {};

  beforeAll(async () => {
    handle = await database.open();
    komoro = throughJson(await loadDataset(demoDatasetDir));
    hirakata = throughJson(await loadDataset(otherDemoDatasetDirs[0] ?? ''));
    const first = await importOrganizationDocument(handle.db, komoro);
    const second = await importOrganizationDocument(handle.db, hirakata);
    if (!first.ok || !second.ok) throw new Error('import failed');
    merged.second = second.merge !== undefined;
    const accounts = createAccountStore(handle.db);
    // Each city's staff named by its 団体コード, as `mieruka user add … --organization 202088` does.
    for (const [login, organizationId] of [
      ['komoro-admin', '202088'],
      ['hirakata-admin', '272108'],
    ] as const) {
      const added = await accounts.addUser({ login, password, role: 'admin', organizationId });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
    }
    app = createApp({
      store: createReadStore(handle.db),
      staff: { editing: createEditingStore(handle.db), accounts, tables: tableImportService(handle.db) },
    });
    for (const login of ['komoro-admin', 'hirakata-admin'])
      staff.set(login, await signIn(app, login, password));
  });
  afterAll(() => handle.close());

  it('holds both cities, the second merged into a database that already held the first', async () => {
    expect(merged.second).toBe(true);
    const store = createReadStore(handle.db);
    expect((await store.listOrganizations()).map((o) => o.id).sort()).toEqual(['hirakata', 'komoro']);
    const plans = await store.listPlans();
    for (const doc of [komoro, hirakata])
      expect(
        plans
          .filter((p) => p.organization.id === doc.organization.id)
          .map((p) => p.id)
          .sort(),
      ).toEqual(doc.plans.map((p) => p.id).sort());
    const users = await createAccountStore(handle.db).listUsers();
    expect(users.map((u) => [u.login, u.organizationId])).toEqual([
      ['hirakata-admin', 'hirakata'],
      ['komoro-admin', 'komoro'],
    ]);
  });

  it('lets each city’s staff import a table into its own city and refuses it (403) in the other', async () => {
    const importAs = async (login: string, doc: OrganizationDocument) => {
      const who = staff.get(login);
      const { file } = nodesTable(doc, login);
      const preview = await postMultipart(app, '/admin/import/preview', who, {}, { file });
      const html = await preview.text();
      const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
      if (preview.status !== 200 || token === undefined) return preview.status;
      const confirm = [...html.matchAll(/name="confirm" value="([^"]+)"/g)].map((m) => m[1] ?? '');
      const body = new URLSearchParams({ token, publish: 'now', _csrf: who?.csrf ?? '' });
      for (const id of confirm) body.append('confirm', id);
      const commit = await app.request('/admin/import/commit', {
        method: 'POST',
        headers: { cookie: who?.cookie ?? '', 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      return commit.status;
    };
    expect(await importAs('komoro-admin', komoro)).toBe(200);
    expect(await importAs('hirakata-admin', hirakata)).toBe(200);
    expect(await importAs('komoro-admin', hirakata)).toBe(403);
    expect(await importAs('hirakata-admin', komoro)).toBe(403);
    const store = createReadStore(handle.db);
    const stored = async (doc: OrganizationDocument, by: string) =>
      (await store.getNode(nodesTable(doc, by).nodeId)) !== undefined;
    expect(await stored(komoro, 'komoro-admin')).toBe(true);
    expect(await stored(hirakata, 'hirakata-admin')).toBe(true);
    expect(await stored(hirakata, 'komoro-admin')).toBe(false);
    expect(await stored(komoro, 'hirakata-admin')).toBe(false);
  });

  it('shows each city’s staff its own plans and refuses the other’s drafts page', async () => {
    const page = async (login: string, path: string) =>
      app.request(path, { headers: { cookie: staff.get(login)?.cookie ?? '' } });
    const komoroPlan = komoro.plans[0]?.id ?? '';
    const hirakataPlan = hirakata.plans[0]?.id ?? '';
    const home = await (await page('komoro-admin', '/admin')).text();
    expect(home).toContain(`/admin/plans/${komoroPlan}`);
    expect(home).not.toContain(`/admin/plans/${hirakataPlan}`);
    expect((await page('komoro-admin', `/admin/plans/${komoroPlan}`)).status).toBe(200);
    expect((await page('komoro-admin', `/admin/plans/${hirakataPlan}`)).status).toBe(403);
    expect((await page('hirakata-admin', `/admin/plans/${komoroPlan}`)).status).toBe(403);
  });

  it('serves each city under /o/{団体コード or id}, its plans only, and a 404 for another city’s plan', async () => {
    const komoroPlan = komoro.plans[0]?.id ?? '';
    const hirakataPlan = hirakata.plans[0]?.id ?? '';
    const home = await app.request('/o/202088');
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('小諸市');
    expect(html).toContain(`/plans/${komoroPlan}`);
    expect(html).not.toContain(`/plans/${hirakataPlan}`);
    expect((await app.request('/o/hirakata')).status).toBe(200);
    expect((await app.request('/o/999999')).status).toBe(404);
    const scoped = await app.request(`/o/272108/plans/${hirakataPlan}?lang=en`);
    expect(scoped.status).toBe(302);
    expect(scoped.headers.get('location')).toBe(`/plans/${hirakataPlan}?lang=en`);
    expect((await app.request(`/o/202088/plans/${hirakataPlan}`)).status).toBe(404);
    const node = komoro.plans[0]?.nodes[0]?.id ?? '';
    expect((await app.request(`/o/komoro/nodes/${node}`)).headers.get('location')).toBe(`/nodes/${node}`);
    expect((await app.request(`/o/hirakata/nodes/${node}`)).status).toBe(404);
  });

  it('lists one city’s plans in the API, by path or by filter', async () => {
    const ids = async (url: string) =>
      ((await (await app.request(url)).json()) as { plans: { id: string }[] }).plans.map((p) => p.id).sort();
    const hirakataPlans = hirakata.plans.map((p) => p.id).sort();
    expect(await ids('/api/v1/o/272108/plans')).toEqual(hirakataPlans);
    expect(await ids('/api/v1/plans?organization=hirakata')).toEqual(hirakataPlans);
    expect(await ids('/api/v1/plans?organization=202088')).toEqual(komoro.plans.map((p) => p.id).sort());
    expect((await ids('/api/v1/plans')).length).toBe(komoro.plans.length + hirakata.plans.length);
    expect((await app.request('/api/v1/o/999999/plans')).status).toBe(404);
  });
});
