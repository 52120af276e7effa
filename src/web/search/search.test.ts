import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { ApiErrorBody } from '../../../test/helpers/web.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { createReadStore } from '../../store/queries.ts';
import { createSearchStore, rebuildSearchIndex } from '../../store/search/index.ts';
import { createApp } from '../app.tsx';
import type { SearchResponse } from './search-view.ts';

const women = encodeURIComponent('女性');

describe.each(testDatabases)('search routes on $name', (database) => {
  let handle: DatabaseHandle;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    handle = await database.openDemo();
    app = createApp({ store: createReadStore(handle.db), search: createSearchStore(handle.db) });
  });
  afterAll(async () => {
    await handle?.close();
  });

  const getJson = async <T>(path: string) => {
    const res = await app.request(path);
    return { res, body: (await res.json()) as T };
  };

  describe('a query holding NUL or another control character', () => {
    it('answers 400 naming q on the API and on the page, never 500', async () => {
      for (const q of ['%00', 'a%00b', '%E5%A5%B3%00', '%1B%5B31m']) {
        const api = await app.request(`/api/v1/search?q=${q}`);
        expect(api.status, q).toBe(400);
        expect(((await api.json()) as ApiErrorBody).error.message).toContain('「q」');
        const page = await app.request(`/search?q=${q}`);
        expect(page.status, q).toBe(400);
        expect(await page.text()).toContain('(q contains a control character such as NUL)');
      }
      // Bytes that are not UTF-8 are not a server error either.
      for (const q of ['%ED%A0%80', '%FF', '%E5%A5']) {
        expect((await app.request(`/api/v1/search?q=${q}`)).status, q).toBeLessThan(500);
        expect((await app.request(`/search?q=${q}`)).status, q).toBeLessThan(500);
      }
    });
  });

  describe('GET /api/v1/search', () => {
    it('finds the women-ratio policy and an indicator about 女性, with fragments and urls', async () => {
      const { res, body } = await getJson<SearchResponse>(`/api/v1/search?q=${women}`);
      expect(res.status).toBe(200);
      expect(body.query).toBe('女性');
      const policy = body.results.find((r) => r.id === 'mirai-2016.p1.women-ratio');
      expect(policy).toMatchObject({
        type: 'node',
        url: '/nodes/mirai-2016.p1.women-ratio',
        planId: 'mirai-2016',
      });
      expect(policy?.snippet.filter((f) => f.match).map((f) => f.text)).toContain('女性');
      const indicator = body.results.find((r) => r.type === 'indicator' && r.title.includes('女性'));
      expect(indicator?.url).toMatch(/^\/nodes\/[^#]+#indicator-/);
    });

    it('finds achievements by a longer word and links to their row', async () => {
      const { body } = await getJson<SearchResponse>(`/api/v1/search?q=${encodeURIComponent('危機管理課')}`);
      const achievement = body.results.find((r) => r.type === 'achievement');
      expect(achievement?.url).toMatch(/^\/nodes\/[^#]+#achievement-/);
      expect(achievement?.snippet.map((f) => f.text).join('')).toContain('危機管理課');
    });

    it.each([
      ['missing', ''],
      ['empty', '?q='],
      ['blank', '?q=%20%E3%80%80'],
      ['over 100 characters', `?q=${'あ'.repeat(101)}`],
    ])('answers 400 naming q when q is %s', async (_case, query) => {
      const { res, body } = await getJson<ApiErrorBody>(`/api/v1/search${query}`);
      expect(res.status).toBe(400);
      expect(body.error.parameter).toBe('q');
      expect(body.error.message).toContain('(');
    });

    it('accepts exactly 100 characters', async () => {
      const { res } = await getJson<SearchResponse>(`/api/v1/search?q=${'あ'.repeat(100)}`);
      expect(res.status).toBe(200);
    });

    it('refuses unknown query parameters', async () => {
      const { res, body } = await getJson<ApiErrorBody>(`/api/v1/search?q=${women}&type=node`);
      expect(res.status).toBe(400);
      expect(body.error.parameter).toBe('type');
    });
  });

  describe('GET /search', () => {
    it('shows the form when nothing was asked', async () => {
      const res = await app.request('/search');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<search>');
      expect(html).not.toContain('search-results');
    });

    it('marks 女性 in titles and snippets and links the policy', async () => {
      const res = await app.request(`/search?q=${women}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('href="/nodes/mirai-2016.p1.women-ratio"');
      expect(html).toContain('<mark>女性</mark>');
      expect(html).toContain('value="女性"');
    });

    it('re-renders the form with the message and status 400 for an over-long q', async () => {
      const res = await app.request(`/search?q=${'い'.repeat(101)}`);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('id="search-error"');
      expect(html).toContain('100文字以内');
      expect(html).toContain(`value="${'い'.repeat(101)}"`);
    });

    it('speaks English on ?lang=en and links each result to its page in English', async () => {
      const res = await app.request(`/search?q=${women}&lang=en`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('<label for="search-q">Words to search for</label>');
      expect(html).toMatch(/<h2 id="search-results">\d+ results for “女性”<\/h2>/);
      expect(html).toContain('<input type="hidden" name="lang" value="en"/>');
      expect(html).toContain('href="/nodes/mirai-2016.p1.women-ratio?lang=en"');
      expect(html).not.toContain('href="/nodes/mirai-2016.p1.women-ratio"');
      expect(html).not.toContain('検索する言葉');
    });

    it('links results in Japanese without lang, and has one search box, its own', async () => {
      const html = await (await app.request(`/search?q=${women}`)).text();
      expect(html).toContain('<label for="search-q">検索する言葉</label>');
      expect(html).not.toContain('name="lang"');
      expect(html).not.toContain('site-search');
    });

    it('escapes markup typed into q', async () => {
      const res = await app.request(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      const html = await res.text();
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('&lt;script&gt;');
    });
  });

  describe('data holding markup', () => {
    it('is shown as text, never as HTML', async () => {
      const title = '<img src=x onerror=alert(1)>女性の<b>比率</b>';
      await handle.db
        .updateTable('node')
        .set({ title })
        .where('id', '=', 'mirai-2016.p1.women-ratio')
        .execute();
      await rebuildSearchIndex(handle.db);
      const html = await (await app.request(`/search?q=${women}`)).text();
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>比率</b>');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;<mark>女性</mark>の&lt;b&gt;比率&lt;/b&gt;');
    });
  });
});

describe('search without a search store', () => {
  it('answers 503 rather than an empty list', async () => {
    const handle = await testDatabases[0]!.open();
    try {
      expect((await migrateToLatest(handle.db)).error).toBeUndefined();
      const app = createApp({ store: createReadStore(handle.db) });
      expect((await app.request(`/api/v1/search?q=${women}`)).status).toBe(503);
      expect((await app.request(`/search?q=${women}`)).status).toBe(503);
    } finally {
      await handle.close();
    }
  });
});
