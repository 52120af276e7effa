import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchDemoApp, type SearchDemoApp } from '../../../test/helpers/search-app.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { type DataChanges, reindexPlan } from '../../store/search/index.ts';
import type { WebEnv } from '../web-env.ts';
import { pageCache } from './page-cache.ts';

/** An app whose one page counts its renders, under a generation the test sets by hand. */
function countingApp(options: { maxEntries?: number } = {}) {
  const state = { renders: 0, generation: 1 };
  const app = new Hono();
  app.use(pageCache({ generation: { current: async () => state.generation }, ...options }));
  app.get('/page', (c) => {
    state.renders += 1;
    return c.html(`<p>render ${state.renders} of ${c.req.query('n') ?? '-'}</p>${'x'.repeat(2000)}`);
  });
  app.get('/private', (c) => {
    state.renders += 1;
    c.header('cache-control', 'private');
    return c.text('mine');
  });
  app.get('/missing', (c) => {
    state.renders += 1;
    return c.text('no', 404);
  });
  app.post('/page', (c) => c.text('posted'));
  return { app, state };
}

describe('pageCache', () => {
  describe('what it keeps', () => {
    it('serves the second request from the cache', async () => {
      const { app, state } = countingApp();
      const first = await (await app.request('/page')).text();
      const second = await (await app.request('/page')).text();
      expect(state.renders).toBe(1);
      expect(second).toBe(first);
    });

    it('renders once for requests arriving together', async () => {
      const { app, state } = countingApp();
      const bodies = await Promise.all(
        Array.from({ length: 5 }, async () => (await app.request('/page')).text()),
      );
      expect(state.renders).toBe(1);
      expect(new Set(bodies).size).toBe(1);
    });

    it('lets waiting requests render for themselves when the page is not cacheable', async () => {
      const { app, state } = countingApp();
      const statuses = await Promise.all(
        Array.from({ length: 3 }, async () => (await app.request('/missing')).status),
      );
      expect(statuses).toEqual([404, 404, 404]);
      expect(state.renders).toBe(3);
    });

    it('keeps each query apart', async () => {
      const { app, state } = countingApp();
      await app.request('/page?n=1');
      const other = await (await app.request('/page?n=2')).text();
      expect(state.renders).toBe(2);
      expect(other).toContain('of 2');
    });

    it('renders again when the generation changes', async () => {
      const { app, state } = countingApp();
      await app.request('/page');
      state.generation += 1;
      expect(await (await app.request('/page')).text()).toContain('render 2');
    });

    it.each([
      ['the staff session cookie', { cookie: 'mieruka_session=abc' }],
      ['the session cookie among others', { cookie: 'x=1; mieruka_session=abc; _ga=2' }],
      ['the login form cookie', { cookie: 'mieruka_login=abc' }],
      ['credentials', { authorization: 'Basic eDp5' }],
    ])('does not cache requests carrying %s', async (_case, headers) => {
      const { app, state } = countingApp();
      await app.request('/page', { headers });
      await app.request('/page', { headers });
      expect(state.renders).toBe(2);
    });

    it.each([['x=1'], ['_ga=GA1.1.1; theme=dark'], ['mieruka_session_old=abc'], ['']])(
      'serves from the cache a request carrying only other cookies (%s)',
      async (cookie) => {
        const { app, state } = countingApp();
        await app.request('/page');
        const res = await app.request('/page', { headers: { cookie } });
        expect(state.renders).toBe(1);
        expect(await res.text()).toContain('render 1');
      },
    );

    it('does not cache private answers or errors', async () => {
      const { app, state } = countingApp();
      for (const path of ['/private', '/private', '/missing', '/missing']) await app.request(path);
      expect(state.renders).toBe(4);
    });

    it('forgets the least recently used page beyond its size', async () => {
      const { app, state } = countingApp({ maxEntries: 1 });
      await app.request('/page?n=1');
      await app.request('/page?n=2');
      await app.request('/page?n=1');
      expect(state.renders).toBe(3);
    });
  });

  describe('ETag and 304', () => {
    it('sends a strong ETag and answers If-None-Match with 304 and no body', async () => {
      const { app } = countingApp();
      const first = await app.request('/page');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]{22}"$/);
      const again = await app.request('/page', { headers: { 'if-none-match': etag ?? '' } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    });

    it('answers 200 again once the content changed', async () => {
      const { app, state } = countingApp();
      const etag = (await app.request('/page')).headers.get('etag') ?? '';
      state.generation += 1;
      const res = await app.request('/page', { headers: { 'if-none-match': etag } });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).not.toBe(etag);
    });
  });

  describe('compression', () => {
    it('gzips when asked, to the same bytes, with its own ETag and Vary', async () => {
      const { app } = countingApp();
      const plain = await app.request('/page');
      const zipped = await app.request('/page', { headers: { 'accept-encoding': 'gzip' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
      expect(zipped.headers.get('etag')).toBe(`${plain.headers.get('etag')?.slice(0, -1)}-gzip"`);
      const bytes = new Uint8Array(await zipped.arrayBuffer());
      expect(gunzipSync(bytes).toString('utf8')).toBe(await plain.text());
    });

    it('prefers br when the client takes both', async () => {
      const { app } = countingApp();
      const res = await app.request('/page', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(res.headers.get('content-encoding')).toBe('br');
    });

    it('still gzips what it does not cache', async () => {
      const { app } = countingApp();
      const res = await app.request('/page', {
        headers: { cookie: 'mieruka_session=1', 'accept-encoding': 'gzip' },
      });
      expect(res.headers.get('content-encoding')).toBe('gzip');
    });
  });

  it('lets other methods through untouched', async () => {
    const { app } = countingApp();
    expect(await (await app.request('/page', { method: 'POST' })).text()).toBe('posted');
  });
});

describe('pageCache after a write', () => {
  /** Pages of organizations a and b and an unscoped one, under a generation whose changes the test names. */
  function scopedApp() {
    const state = { renders: 0, generation: 1, changed: 'all' as DataChanges };
    const app = new Hono<WebEnv>();
    app.use(
      pageCache({
        generation: { current: async () => state.generation, changes: async () => state.changed },
      }),
    );
    app.get('/org/:id', (c) => {
      state.renders += 1;
      c.set('cacheScope', c.req.param('id'));
      return c.html(`<p>${c.req.param('id')} ${state.renders}</p>`);
    });
    app.get('/home', (c) => {
      state.renders += 1;
      return c.html(`<p>home ${state.renders}</p>`);
    });
    return { app, state };
  }
  const bodies = async (app: Hono<WebEnv>) =>
    Promise.all(['/org/a', '/org/b', '/home'].map(async (path) => (await app.request(path)).text()));

  it("keeps other organizations' pages and drops the written one's and the unscoped ones", async () => {
    const { app, state } = scopedApp();
    const before = await bodies(app);
    state.generation = 2;
    state.changed = { organizations: new Set(['a']) };
    const after = await bodies(app);
    expect(after[1]).toBe(before[1]);
    expect(after[0]).not.toBe(before[0]);
    expect(after[2]).not.toBe(before[2]);
    expect(state.renders).toBe(5);
  });

  it('drops everything when the changes are unknown', async () => {
    const { app, state } = scopedApp();
    const before = await bodies(app);
    state.generation = 2;
    const after = await bodies(app);
    expect(after.every((body, i) => body !== before[i])).toBe(true);
  });
});

describe('the demo site with the page cache', () => {
  let demo: SearchDemoApp;
  const reads = { listPlans: 0 };
  const counting = (store: ReadStore): ReadStore => ({
    ...store,
    listPlans: () => {
      reads.listPlans += 1;
      return store.listPlans();
    },
  });

  beforeAll(async () => {
    demo = await openSearchDemoApp({ wrapStore: counting });
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('renders the home page once for two requests', async () => {
    const before = reads.listPlans;
    const first = await demo.app.request('/');
    const second = await demo.app.request('/');
    expect(reads.listPlans - before).toBe(1);
    expect(await second.text()).toBe(await first.text());
    // The security headers are added around the cache, so cached answers carry them too.
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers a revalidation with 304', async () => {
    const etag = (await demo.app.request('/plans/mirai-2016')).headers.get('etag') ?? '';
    const res = await demo.app.request('/plans/mirai-2016', { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(304);
  });

  it('shows a fresh plan page after a write to its organization', async () => {
    const title = 'こもろ未来プロジェクト（計画ページのテスト）';
    expect(await (await demo.app.request('/plans/mirai-2016')).text()).not.toContain(title);
    await demo.handle.db.updateTable('plan').set({ title }).where('id', '=', 'mirai-2016').execute();
    await reindexPlan(demo.handle.db, 'mirai-2016');
    expect(await (await demo.app.request('/plans/mirai-2016')).text()).toContain(title);
  });

  it('shows fresh content after a write bumps the data generation', async () => {
    const title = 'こもろ未来プロジェクト（改訂のテスト）';
    expect(await (await demo.app.request('/')).text()).not.toContain(title);
    await demo.handle.db.updateTable('plan').set({ title }).where('id', '=', 'mirai-2016').execute();
    await reindexPlan(demo.handle.db, 'mirai-2016');
    expect(await (await demo.app.request('/')).text()).toContain(title);
  });
});
