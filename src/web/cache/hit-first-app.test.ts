/** Hits answered before Hono in the full staff-enabled app: the same headers as a rendered answer, fresh after a write. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { openStaffTestApp, type StaffTestApp } from '../../../test/helpers/staff-app.ts';
import { createEditingStore } from '../../store/editing/index.ts';
import { createReadStore } from '../../store/queries.ts';
import { createSearchStore, reindexPlan, watchDataGeneration } from '../../store/search/index.ts';
import { createApp } from '../app.tsx';

/** Headers that differ between two answers of the same page by design. */
const perRequest = new Set(['x-request-id']);
const lasting = (res: Response) =>
  Object.fromEntries([...res.headers].filter(([name]) => !perRequest.has(name)));

describe.each(testDatabases)('cache hits before the middleware on $name', (database) => {
  let t: StaffTestApp;
  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
  });
  afterEach(() => t.close());

  it('carries every header a rendered answer carries, security headers and CORS included', async () => {
    // The page cache's middleware asks current(); a hit answered before it only peeks.
    const watched = watchDataGeneration(t.db);
    const asked = { current: 0 };
    const generation = {
      ...watched,
      current: () => {
        asked.current += 1;
        return watched.current();
      },
    };
    const app = createApp({
      store: createReadStore(t.db),
      search: createSearchStore(t.db),
      history: createEditingStore(t.db),
      generation,
    });
    const paths = ['/', `/plans/${t.planId}`, `/api/v1/plans/${t.planId}/indicators`];
    for (const path of paths) {
      const rendered = await app.request(path);
      const askedBefore = asked.current;
      const hit = await app.request(path);
      expect(asked.current, `${path} answered before the middleware`).toBe(askedBefore);
      expect(rendered.status, path).toBe(200);
      expect(lasting(hit), path).toEqual(lasting(rendered));
      expect(await hit.text(), path).toBe(await rendered.text());
      expect(hit.headers.get('x-request-id')).not.toBe(rendered.headers.get('x-request-id'));
    }
    const page = await app.request('/');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const api = await app.request(`/api/v1/plans/${t.planId}/indicators`);
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a revalidation with 304 carrying the ETag and no body', async () => {
    const path = `/plans/${t.planId}`;
    const etag = (await t.app.request(path)).headers.get('etag') ?? '';
    const res = await t.app.request(path, { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(etag);
    expect(await res.text()).toBe('');
  });

  it("shows the plan's new title right after a write, under a new ETag", async () => {
    const path = `/plans/${t.planId}`;
    const title = '計画ページの書き換えのテスト';
    const before = await t.app.request(path);
    await t.app.request(path);
    await t.db.updateTable('plan').set({ title }).where('id', '=', t.planId).execute();
    await reindexPlan(t.db, t.planId);
    const after = await t.app.request(path, { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain(title);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });
});
