import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../test/helpers/web.ts';
import type { Plan } from '../domain/model.ts';
import type { PlanHeader, ReadStore } from '../store/read-store.ts';
import { createApp } from './app.tsx';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

describe('GET /healthz', () => {
  it('answers ok', async () => {
    const res = await demo.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('security headers', () => {
  it('sends a strict CSP and the other headers on pages and the API', async () => {
    for (const path of ['/', '/api/v1/plans', '/missing']) {
      const res = await demo.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('serves pages with no script and no inline style', async () => {
    const html = await (await demo.app.request('/')).text();
    expect(html).not.toMatch(/<script|style=|<style/);
  });
});

describe('assets', () => {
  it('serves the design tokens and the site stylesheet as CSS', async () => {
    const tokens = await demo.app.request('/assets/tokens.css');
    expect(tokens.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await tokens.text()).toContain('--color-primitive-blue-900');
    const site = await (await demo.app.request('/assets/site.css')).text();
    expect(site).toContain('var(--font-family-sans)');
  });

  it('serves a plan’s status colours and refuses an unknown plan', async () => {
    const [plan] = await demo.store.listPlans();
    const css = await (await demo.app.request(`/assets/plans/${plan?.id}/status.css`)).text();
    expect(css).toContain('.status-unassessed{background:#a565f8;color:#000000}');
    expect(css).toContain('.status-done{background:#08351f;color:#ffffff}');
    expect(css).toMatch(
      /\.status-segment\.status-unassessed,\.status-swatch\.status-unassessed\{background-image:repeating-linear-gradient/,
    );
    expect((await demo.app.request('/assets/plans/none/status.css')).status).toBe(404);
  });
});

describe('unknown pages', () => {
  it('answers a Japanese HTML 404 page', async () => {
    const res = await demo.app.request('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1>ページが見つかりません</h1>');
    expect(html).toContain('<html lang="ja">');
  });

  it('answers JSON under /api', async () => {
    const res = await demo.app.request('/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('unexpected errors', () => {
  const failing = {
    listPlans: async () => {
      throw new Error('secret connection string');
    },
  } as unknown as ReadStore;
  const app = createApp({ store: failing });

  it('answers 500 without the internal message, as JSON under /api and HTML elsewhere', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const api = await app.request('/api/v1/plans');
      expect(api.status).toBe(500);
      expect(await api.json()).toEqual({
        error: { code: 'internal_error', message: '内部エラーが発生しました (internal server error)' },
      });
      const page = await app.request('/');
      expect(page.status).toBe(500);
      const html = await page.text();
      expect(html).toContain('<h1>エラーが発生しました</h1>');
      expect(html).not.toContain('secret');
    } finally {
      console.error = original;
    }
  });
});

describe('escaping', () => {
  // A tiny store double: the demo has no hostile titles, so this case builds its own.
  const title = '<script>alert(1)</script>';
  const header: PlanHeader = {
    id: 'evil',
    title,
    kind: 'manifesto',
    periodStart: '2020',
    periodEnd: '2024',
    publishedAt: '2020',
    source: { documentId: 'doc', quote: '"><script>' },
    statusVocabulary: [
      { code: 'done', label: '完了', labelEn: 'Done', color: 'red}body{display:none', countsAsDone: true },
    ],
    achievementFormula: 'ratio_to_target',
    ratingScale: null,
    follows: null,
    organization: { id: 'org', name: '<b>町</b>', municipalityCode: null },
  } satisfies Omit<Plan, 'nodes' | 'statements' | 'evaluations'> & Pick<PlanHeader, 'organization'>;
  const store = {
    listOrganizations: async () => [
      { id: 'org', name: '<b>町</b>', kind: 'municipality', municipalityCode: null },
    ],
    countOrganizations: async () => 1,
    listPlans: async () => [header],
    plansWithHeadlines: async () => [],
    getIndicators: async () => [],
    getPlan: async (id: string) => (id === 'evil' ? { ...header, statements: [], nodes: [] } : undefined),
    continuingPlanIds: async () => [],
    listDocuments: async () => [],
  } as unknown as ReadStore;
  const app = createApp({ store });

  it('escapes a <script> title on the home and plan pages', async () => {
    for (const path of ['/', '/plans/evil']) {
      const html = await (await app.request(path)).text();
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('drops a status colour that would break out of its CSS rule', async () => {
    const css = await (await app.request('/assets/plans/evil/status.css')).text();
    expect(css).not.toContain('display:none');
    expect(css).toContain('.status-unassessed');
  });
});
