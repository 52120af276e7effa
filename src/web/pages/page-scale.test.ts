/**
 * Pages whose cost does not grow with the plan (issue 16): a pillar holding 100 indicators of 200 months each
 * (20,000 values, the series of the README's 100,000-row table) gives a plan page, node pages, a home page and
 * indicator API pages each well under 1 MB, charting a bounded number of indicators; the plan's rollup read from
 * the few observations figures need equals the one read from all. Timings live in bench/pages.ts, not here.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeFixture } from '../../../test/helpers/large-fixture.ts';
import { openMigratedSqlite } from '../../../test/helpers/sqlite-templates.ts';
import { syntheticOrganization } from '../../../test/helpers/synthetic-organization.ts';
import { summarizePlan } from '../../domain/figures/index.ts';
import { importTableFile } from '../../io/table-import/index.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import { createApp } from '../app.tsx';
import { organizationsInFull, organizationsPerPage } from './home.tsx';
import { indicatorsPerPage } from './indicator-pages.tsx';

const megabyte = 1024 * 1024;
const charts = (html: string) => html.match(/class="indicator-block"/g)?.length ?? 0;

describe('pages over a pillar of 100 indicators × 200 months', () => {
  let handle: DatabaseHandle;
  let store: ReadStore;
  let app: Hono;

  beforeAll(async () => {
    handle = await openMigratedSqlite();
    const fixture = largeFixture(20_000, 100);
    await saveOrganizationDocument(handle.db, fixture.dataset);
    const outcome = await importTableFile(handle.db, new TextEncoder().encode(fixture.csv), {
      file: 'scale.csv',
      publish: true,
      confirmWarnings: 'all',
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.report.errors.slice(0, 3)));
    store = createReadStore(handle.db);
    app = createApp({ store });
  }, 60_000);
  afterAll(() => handle?.close());

  const page = async (path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    const text = await res.text();
    expect(Buffer.byteLength(text), path).toBeLessThan(megabyte);
    return text;
  };

  it('folds the pillar on the plan page: a table of the first few and a link, no chart of the long series', async () => {
    const html = await page('/plans/sample-first');
    expect(html).toContain('指標100件のうち最初の10件を表に示します');
    expect(html).not.toContain('id="figure-bench.i.50"');
  });

  it('pages the node: a few charts a page, previous and next links, the last page reachable', async () => {
    const first = await page('/nodes/first-pillar-1');
    expect(charts(first)).toBe(indicatorsPerPage);
    expect(first).toContain('href="/nodes/first-pillar-1?page=2"');
    const lastPage = 100 / indicatorsPerPage;
    const last = await page(`/nodes/first-pillar-1?page=${lastPage}`);
    expect(charts(last)).toBe(indicatorsPerPage);
    expect(last).toContain('id="figure-bench.i.99"');
    expect(last).toContain('rel="prev"');
    expect(last).not.toContain('rel="next"');
    expect((await app.request(`/nodes/first-pillar-1?page=${lastPage + 1}`)).status).toBe(400);
  });

  it('keeps the home page and a default page of the indicators API under 1 MB', async () => {
    await page('/');
    const body = JSON.parse(await page('/api/v1/plans/sample-first/indicators')) as {
      indicators: { observations: unknown[] }[];
      next: string | null;
    };
    expect(body.indicators.length).toBe(20);
    expect(body.indicators.some((i) => i.observations.length === 200)).toBe(true);
    expect(body.next).toContain('cursor=');
  });

  it('rolls the plan up alike from the observations figures read and from all of them', async () => {
    const all = await store.getPlan('sample-first');
    const few = await store.getPlan('sample-first', { observations: 'figures' });
    if (!all || !few) throw new Error('no plan');
    expect(summarizePlan(few)).toEqual(summarizePlan(all));
    const fewest = few.nodes[0]?.indicators.find((i) => i.id === 'bench.i.7');
    expect(fewest?.observations.map((o) => o.date)).toEqual(['2000-01', '2016-08']);
  });
});

describe('the home page over more organizations than it shows in full', () => {
  let handle: DatabaseHandle;
  const reads = { getPlan: 0 };

  beforeAll(async () => {
    handle = await openMigratedSqlite();
    for (let k = 0; k <= organizationsInFull; k += 1) {
      await saveOrganizationDocument(handle.db, syntheticOrganization(k, 0, 0));
    }
  }, 60_000);
  afterAll(() => handle?.close());

  it('lists each organization with its current plan in a table and reads no plan', async () => {
    const store = createReadStore(handle.db);
    const app = createApp({
      store: {
        ...store,
        getPlan: (...args) => {
          reads.getPlan += 1;
          return store.getPlan(...args);
        },
      },
    });
    const res = await app.request('/');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(reads.getPlan).toBe(0);
    expect(html).toContain(`${organizationsInFull + 1}団体の計画の一覧です`);
    expect(html.match(/<tr>/g)?.length).toBe(organizationsInFull + 2);
    expect(html).toContain('href="/plans/o3.sample-first"');
  });

  it('pages the table, reading only the plans of the organizations on the page', async () => {
    const store = createReadStore(handle.db);
    const real = await store.listOrganizations();
    // The stored organizations and as many more without plans: 2 full pages and a part.
    const more = Array.from({ length: 2 * organizationsPerPage }, (_, k) => ({
      ...real[0]!,
      id: `z${String(k).padStart(3, '0')}`,
      name: `架空${k}町`,
    }));
    const everyOrganization = [...real, ...more];
    const asked: string[][] = [];
    const app = createApp({
      store: {
        ...store,
        listOrganizations: async () => everyOrganization,
        countOrganizations: async () => everyOrganization.length,
        listOrganizationsPage: async ({ offset, limit }) => everyOrganization.slice(offset, offset + limit),
        listPlans: (ids) => {
          asked.push(typeof ids === 'string' ? [ids] : [...(ids ?? ['(all)'])]);
          return store.listPlans(ids);
        },
      },
    });
    const total = everyOrganization.length;
    const first = await (await app.request('/')).text();
    expect(first.match(/<tr>/g)?.length).toBe(organizationsPerPage + 1);
    expect(first).toContain(`${total}団体のうち1〜${organizationsPerPage}団体目`);
    expect(first).toContain('href="/?page=2" rel="next"');
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('href="/plans/o3.sample-first"');
    expect(asked).toEqual([everyOrganization.slice(0, organizationsPerPage).map((o) => o.id)]);

    const last = await (await app.request('/?page=3&lang=en')).text();
    expect(last.match(/<tr>/g)?.length).toBe(total - 2 * organizationsPerPage + 1);
    expect(last).toContain(`Organizations ${2 * organizationsPerPage + 1}–${total} of ${total}`);
    expect(last).toContain('href="/?lang=en&amp;page=2" rel="prev"');
    expect(last).not.toContain('rel="next"');
    expect(asked[1]).toEqual(everyOrganization.slice(2 * organizationsPerPage).map((o) => o.id));

    expect((await app.request('/?page=4')).status).toBe(400);
  });
});
