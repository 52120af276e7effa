/** The header's search box on every public page: a plain GET form to /search that keeps the reader's language. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const headerOf = (html: string) => html.slice(html.indexOf('<header'), html.indexOf('</header>'));

describe('the header search box', () => {
  it('sends a GET to /search from the home, plan and node pages, in Japanese', async () => {
    const [plan] = await demo.store.listPlans();
    const full = await demo.store.getPlan(plan?.id ?? '');
    for (const path of ['/', `/plans/${plan?.id}`, `/nodes/${full?.nodes[0]?.id}`]) {
      const header = headerOf(await (await demo.app.request(path)).text());
      expect(header, path).toContain('<form action="/search" method="get">');
      expect(header, path).toContain('<label for="site-search-q">サイト内検索</label>');
      expect(header, path).toContain('name="q"');
      expect(header, path).not.toContain('name="lang"');
    }
  });

  it('carries lang=en and English words on an English page', async () => {
    const header = headerOf(await (await demo.app.request('/?lang=en')).text());
    expect(header).toContain('<label for="site-search-q">Search this site</label>');
    expect(header).toContain('<input type="hidden" name="lang" value="en"/>');
  });
});
