import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db.ts';
import * as searchMigration from '../migrations/2026-11-21-05-search.ts';
import { readDataGeneration } from './data-generation.ts';
import { reindexPlan } from './reindex.ts';
import type { SearchHit } from './search-result.ts';
import { createSearchStore } from './search-store.ts';
import { searchTables } from './search-tables.ts';

const marked = (hit: SearchHit) => hit.snippet.filter((f) => f.match).map((f) => f.text);

describe.each(testDatabases)('search on $name', (database) => {
  let handle: DatabaseHandle;
  const search = (...terms: string[]) => createSearchStore(handle.db).search(terms, terms.join(' '));

  beforeAll(async () => {
    handle = await database.openDemo();
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('two-character queries', () => {
    it('finds the women-ratio policy for 女性', async () => {
      const { hits } = await search('女性');
      expect(hits.map((h) => `${h.type}:${h.id}`)).toContain('node:mirai-2016.p1.women-ratio');
    });

    it('finds an indicator named with 女性', async () => {
      const { hits } = await search('女性');
      const indicators = hits.filter((h) => h.type === 'indicator');
      expect(indicators.length).toBeGreaterThan(0);
      for (const hit of indicators)
        expect(hit.title + hit.snippet.map((f) => f.text).join('')).toContain('女性');
    });

    it('puts every title match before any body-only match', async () => {
      const { hits } = await search('女性');
      const inTitle = hits.map((h) => h.title.includes('女性'));
      expect(inTitle.indexOf(false) === -1 || inTitle.lastIndexOf(true) < inTitle.indexOf(false)).toBe(true);
      expect(inTitle[0]).toBe(true);
    });

    it('marks exactly the query in the snippet', async () => {
      const { hits } = await search('女性');
      for (const hit of hits) expect(new Set(marked(hit))).toEqual(new Set(['女性']));
    });
  });

  describe('longer queries', () => {
    it('finds an achievement by a word of its title', async () => {
      const { hits } = await search('危機管理課');
      const hit = hits.find((h) => h.type === 'achievement');
      expect(hit?.title).toContain('危機管理課');
      expect(hit?.nodeId).toBeTruthy();
      expect(hit?.planTitle).toBeTruthy();
    });

    it('ignores the case of Latin letters', async () => {
      const { hits } = await search('WOMEN');
      expect(hits.map((h) => h.id)).toContain('mirai-2016.i.council-women-ratio');
      expect(marked(hits[0] as SearchHit).map((t) => t.toLowerCase())).toContain('women');
    });

    it('requires every term, short and long mixed', async () => {
      const { hits } = await search('女性', '審議会');
      expect(hits.map((h) => h.id)).toContain('mirai-2016.p1.women-ratio');
      for (const hit of hits) {
        const text = `${hit.title}${hit.snippet.map((f) => f.text).join('')}`;
        expect(text.includes('女性') || text.includes('審議会')).toBe(true);
      }
    });

    it('finds nothing for words the data does not hold', async () => {
      expect((await search('存在しない言葉です')).hits).toEqual([]);
    });
  });

  describe('characters with a meaning in SQL or FTS5', () => {
    it('treats % as a literal character', async () => {
      const { hits } = await search('%');
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(marked(hit)).toContain('%');
    });

    it.each(['"女性"', 'OR', '女性 OR NOT', '_', '\\'])('does not fail on %s', async (query) => {
      const result = await search(...query.split(' '));
      for (const hit of result.hits) expect(hit.snippet.some((f) => f.match)).toBe(true);
    });
  });

  describe('the migration', () => {
    it('indexes what the database already held', async () => {
      await handle.db.transaction().execute(async (trx) => {
        await searchMigration.down(trx);
        await searchMigration.up(trx);
      });
      expect((await search('女性')).hits.map((h) => h.id)).toContain('mirai-2016.p1.women-ratio');
      expect((await search('危機管理課')).hits.length).toBeGreaterThan(0);
    });
  });

  describe('reindexPlan', () => {
    it('picks up a changed title and bumps the data generation', async () => {
      const before = await readDataGeneration(handle.db);
      await handle.db
        .updateTable('node')
        .set({ title: '女性の比率を向上させる新しい表題' })
        .where('id', '=', 'mirai-2016.p1.women-ratio')
        .execute();
      expect((await search('新しい表題')).hits).toEqual([]);
      await reindexPlan(handle.db, 'mirai-2016');
      expect((await search('新しい表題')).hits.map((h) => h.id)).toEqual(['mirai-2016.p1.women-ratio']);
      expect(await readDataGeneration(handle.db)).toBe(before + 1);
    });

    it('leaves the other plans alone', async () => {
      const count = (planId: string) =>
        searchTables(handle.db)
          .selectFrom('search_entry')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('plan_id', '=', planId)
          .executeTakeFirstOrThrow();
      const other = await count('mirai-2024');
      await reindexPlan(handle.db, 'mirai-2016');
      expect(Number((await count('mirai-2024')).n)).toBe(Number(other.n));
      expect(Number(other.n)).toBeGreaterThan(0);
    });

    it('runs inside a caller’s transaction', async () => {
      await handle.db.transaction().execute(async (trx) => {
        await sql`update node set title = ${'取引中の表題'} where id = ${'mirai-2016.p1.women-ratio'}`.execute(
          trx,
        );
        await reindexPlan(trx, 'mirai-2016');
      });
      expect((await search('取引中の表題')).hits.map((h) => h.id)).toEqual(['mirai-2016.p1.women-ratio']);
    });
  });
});
