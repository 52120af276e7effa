import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ProgressUpdate } from '../../domain/progress.ts';
import { crawlSite } from './crawl.ts';

const sections = 20;
const leaves = 50;

/** A site shaped like many organizations: a home page, a page per section, and many pages under each. */
function manySections(): Hono {
  const app = new Hono();
  const page = (links: string[]) =>
    `<!DOCTYPE html><html><head><link rel="stylesheet" href="/site.css"></head><body>${links
      .map((href) => `<a href="${href}">x</a>`)
      .join('')}</body></html>`;
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  app.get('/', (c) => c.html(page(range(sections).map((s) => `/s/${s}`))));
  app.get('/s/:s', (c) => c.html(page(['/', ...range(leaves).map((l) => `/s/${c.req.param('s')}/${l}`)])));
  app.get('/s/:s/:l', (c) => c.html(page(['/', `/s/${c.req.param('s')}`])));
  app.get('/site.css', (c) => c.body('body { color: black }', 200, { 'Content-Type': 'text/css' }));
  return app;
}

describe('crawlSite', () => {
  it('renders every page, a section’s pages before the next section’s, keeping few pages waiting', async () => {
    const updates: ProgressUpdate[] = [];
    const rendered: string[] = [];
    const result = await crawlSite(manySections(), {
      start: [{ path: '/', lang: 'ja' }],
      onProgress: (update) => updates.push(update),
      onPage: async (page) => {
        rendered.push(page.page.path);
      },
    });
    expect(result.missing).toEqual([]);
    expect(result.pages.size).toBe(1 + 1 + sections + sections * leaves);
    expect(rendered.slice(0, 4)).toEqual(['/', '/site.css', '/s/1', '/s/1/1']);
    // Found but not yet rendered: a crawl level by level would hold a whole level (1,000 pages) here; depth first
    // holds the sections left and one section's pages.
    const waiting = Math.max(...updates.map((u) => u.total - u.done));
    expect(waiting).toBeLessThanOrEqual(sections + leaves + 1);
  });

  it('keeps one shared entry per kind of page, not an object per page', async () => {
    const result = await crawlSite(manySections(), {
      start: [{ path: '/', lang: 'ja' }],
      onPage: async () => {},
    });
    expect(new Set(result.pages.values())).toEqual(new Set([{ kind: 'html' }, { kind: 'css' }]));
    expect(result.pages.get('/s/3/7')).toBe(result.pages.get('/s/20/50'));
  });
});
