/**
 * Sharing: every public page says what it is (description, OGP and Twitter card tags with an absolute URL and
 * image, a canonical permalink), share images are PNGs drawn on the server (generic without a Japanese font),
 * and the favicon is served with long cache headers under the strict CSP.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';
import { createEditingStore } from '../../store/editing/index.ts';
import { createApp } from '../app.tsx';
import { progressSvg, shareFonts, svgToPng, useFontCandidates } from './share-image.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp({ history: true });
});
afterAll(() => demo.close());

const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('share tags', () => {
  it.each([
    '/',
    '/plans/mirai-2016',
    '/nodes/mirai-2016.p1',
    '/organizations/komoro/terms',
    '/accessibility',
  ])(
    '%s has a description, OGP and Twitter tags, an absolute og:url equal to its canonical link',
    async (path) => {
      const html = await (await demo.app.request(path)).text();
      for (const key of ['description', 'og:title', 'og:description', 'og:url', 'og:image', 'twitter:card'])
        expect(meta(html, key), key).toBeTruthy();
      const url = meta(html, 'og:url');
      expect(url).toBe(`http://localhost${path}`);
      expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
      expect(meta(html, 'og:image')).toMatch(/^http:\/\/localhost\/share\/.+\.png(\?lang=en)?$/);
      expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
      expect(html).toContain('type="application/atom+xml"');
    },
  );

  it('uses the configured public URL, keeps the language and drops filters from the permalink', async () => {
    const app = createApp({
      store: demo.store,
      history: createEditingStore(demo.db),
      publicUrl: 'https://mieruka.example.jp/',
    });
    const html = await (await app.request('/plans/mirai-2016?status=done&lang=en')).text();
    expect(meta(html, 'og:url')).toBe('https://mieruka.example.jp/plans/mirai-2016?lang=en');
    expect(meta(html, 'og:image')).toBe('https://mieruka.example.jp/share/plans/mirai-2016.png?lang=en');
    expect(meta(html, 'og:locale')).toBe('en_US');
    // The plan's own words describe it, and a plan page offers the plan's feed.
    expect(meta(html, 'description')).toContain('小泉としひろ');
    expect(html).toContain('href="/plans/mirai-2016/feed.atom"');
  });

  it('links no feed and no 最近の変更 from an app that serves no history (a static copy)', async () => {
    const app = createApp({ store: demo.store });
    const html = await (await app.request('/plans/mirai-2016')).text();
    expect(html).not.toContain('feed.atom');
    expect(html).not.toContain('href="/changes"');
    expect((await app.request('/changes')).status).toBe(404);
  });
});

describe('share images', () => {
  afterEach(() => useFontCandidates(undefined));

  it('draws a plan’s progress as a 1200×630 PNG, cached for an hour', async () => {
    const res = await demo.app.request('/share/plans/mirai-2016.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    expect((await demo.app.request('/share/plans/no-such-plan.png')).status).toBe(404);
    expect((await demo.app.request('/share/plans/x.gif')).status).toBe(404);
  });

  it('puts the counts and a Japanese title in the picture when a font is there', () => {
    if (shareFonts().length === 0) return;
    const svg = progressSvg({
      kicker: '小諸市 · マニフェスト',
      title: 'こもろ未来プロジェクト <&>',
      caption: '評価済み 3 / 35件 · 完了 2件',
      segments: [{ label: '完了', count: 2, color: '#197a4b' }],
    });
    expect(svg).toContain('評価済み 3 / 35件');
    expect(svg).toContain('こもろ未来プロジェクト &lt;&amp;&gt;');
  });

  it('falls back to the generic, text-free image without a Japanese font, and caches by content', () => {
    useFontCandidates(['/no/such/font.ttc']);
    const svg = progressSvg({ kicker: 'k', title: 't', caption: 'c', segments: [] });
    expect(svg).not.toContain('<text');
    const png = svgToPng(svg);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(svgToPng(svg)).toBe(png);
  });
});

describe('favicon', () => {
  it.each([
    ['/favicon.svg', 'image/svg+xml'],
    ['/favicon.ico', 'image/x-icon'],
    ['/apple-touch-icon.png', 'image/png'],
  ])('%s is served as %s with a year-long cache, from our own origin', async (path, type) => {
    const res = await demo.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toContain("img-src 'self'");
  });

  it('is an ICO holding a 32×32 PNG', async () => {
    const bytes = new Uint8Array(await (await demo.app.request('/favicon.ico')).arrayBuffer());
    expect([...bytes.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect(pngSize(bytes.slice(22))).toEqual({ width: 32, height: 32 });
  });
});
