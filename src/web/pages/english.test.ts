import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const html = async (path: string) => (await demo.app.request(path)).text();

describe('?lang=en', () => {
  it('gives the page lang="en", English interface words, and Japanese data marked lang="ja"', async () => {
    const body = await html('/plans/mirai-2016?lang=en');
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('Skip to main content');
    expect(body).toContain('<span lang="ja">こもろ未来プロジェクト</span>');
    expect(body).not.toContain('本文へ移動');
  });

  it('keeps English in links within the site', async () => {
    const body = await html('/?lang=en');
    expect(body).toContain('href="/plans/mirai-2016?lang=en"');
    expect(body).toContain('href="/organizations/komoro/terms?lang=en"');
    expect(body).toContain('href="/accessibility?lang=en"');
  });

  it('offers a switch to the same page in the other language, with hreflang', async () => {
    const ja = await html('/plans/mirai-2016?status=done');
    expect(ja).toContain(
      '<a class="lang-switch" href="/plans/mirai-2016?status=done&amp;lang=en" hreflang="en" lang="en">English</a>',
    );
    const en = await html('/plans/mirai-2016?status=done&lang=en');
    expect(en).toContain(
      '<a class="lang-switch" href="/plans/mirai-2016?status=done" hreflang="ja" lang="ja">日本語</a>',
    );
  });

  it('shows status labels in English', async () => {
    const body = await html('/plans/ashiato-2024?lang=en');
    expect(body).toContain('<span class="status status-done">Done</span>');
  });

  it('shows the English titles and names the data has, and marks what exists only in Japanese', async () => {
    const home = await html('/?lang=en');
    expect(home).toContain('Komoro City');
    expect(home).toMatch(/<title>[^<]*Komoro City[^<]*<\/title>/);
    expect(home).not.toMatch(/<h2[^>]*>[^<]*<span lang="ja">小諸市<\/span>/);
    const record = await html('/plans/ashiato-2024?lang=en');
    expect(record).toContain('<h1>Eight years, two terms of the Koizumi administration: the record</h1>');
    expect(record).toContain('Komoro City');
    expect(record).toContain('New shops opened');
    // A plan without an English title stays Japanese, marked lang="ja" and "Japanese only".
    const mirai = await html('/plans/mirai-2016?lang=en');
    expect(mirai).toMatch(
      /<h1><span lang="ja">こもろ未来プロジェクト<\/span> <small class="ja-only">Japanese only<\/small><\/h1>/,
    );
    // The Japanese page keeps the Japanese.
    const ja = await html('/plans/ashiato-2024');
    expect(ja).toContain('小諸市');
    expect(ja).not.toContain('Komoro City');
    expect(ja).not.toContain('Japanese only');
  });

  it('answers 400 for an unknown language', async () => {
    expect((await demo.app.request('/?lang=fr')).status).toBe(400);
  });
});

describe('GET /accessibility', () => {
  it('states the target level and the scope, and is linked from the footer', async () => {
    const body = await html('/accessibility');
    expect(body).toContain('JIS X 8341-3:2016 の適合レベル AA に準拠することを目標');
    expect(body).toContain('対象範囲');
    expect(await html('/')).toContain('<a href="/accessibility">ウェブアクセシビリティ方針</a>');
  });
});
