import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';
import type { SourceDocument } from '../../domain/model.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { createApp } from '../app.tsx';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const storeWith = (document: SourceDocument) =>
  ({
    getDocument: async (id: string) => (id === document.id ? document : undefined),
    getDocumentText: async () => undefined,
  }) as unknown as ReadStore;

describe('GET /documents/{id}', () => {
  it('links only http and https URLs, even when another scheme is already stored', async () => {
    for (const [url, linked] of [
      ['javascript:alert(1)', false],
      ['data:text/html,<script>alert(1)</script>', false],
      ['https://www.city.komoro.lg.jp/', true],
    ] as const) {
      const app = createApp({ store: storeWith({ id: 'memo', title: 'メモ', publishedAt: '2020-01', url }) });
      const html = await (await app.request('/documents/memo')).text();
      expect(html.includes(`href="${url}"`), url).toBe(linked);
      expect(html).not.toMatch(/href="(javascript|data):/);
    }
  });

  it('shows the demo document with numbered lines anchored #L{n}', async () => {
    const res = await demo.app.request('/documents/komoro-pride-vol5');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<li id="L1">');
    expect(html).toContain('<a class="line-number" href="#L95" aria-label="95行目">95</a>');
  });

  it('shows the text a registered document keeps in the database, escaped', async () => {
    const app = createApp({
      store: {
        ...storeWith({ id: 'memo', title: 'メモ', publishedAt: '2020-01', kind: 'official' }),
        getDocumentText: async () => '一行目\r\n二行目 <b>太字</b>\n',
      } as unknown as ReadStore,
    });
    const html = await (await app.request('/documents/memo')).text();
    expect(html).toContain('<li id="L2"><a class="line-number" href="#L2" aria-label="2行目">2</a>');
    expect(html).toContain('二行目 &lt;b&gt;太字&lt;/b&gt;');
    expect(html).not.toContain('id="L3"');
  });

  it('reads the file relative to the configured dataset folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mieruka-doc-'));
    await writeFile(join(dir, 'memo.txt'), '一行目\n二行目 <b>太字</b>\n');
    const app = createApp({
      store: storeWith({ id: 'memo', title: 'メモ', publishedAt: '2020-01', file: 'memo.txt' }),
      datasetDir: dir,
    });
    const html = await (await app.request('/documents/memo')).text();
    expect(html).toContain('<li id="L2"><a class="line-number" href="#L2" aria-label="2行目">2</a>');
    expect(html).toContain('二行目 &lt;b&gt;太字&lt;/b&gt;');
    expect(html).not.toContain('id="L3"');
  });

  it('refuses a file path that leaves the dataset folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mieruka-doc-'));
    const app = createApp({
      store: storeWith({ id: 'escape', title: '外', publishedAt: '2020', file: '../../../etc/passwd' }),
      datasetDir: dir,
    });
    const html = await (await app.request('/documents/escape')).text();
    expect(html).toContain('この資料の本文は登録されていません。');
    expect(html).not.toContain('id="L1"');
  });

  it('answers 404 for an unknown document', async () => {
    const res = await demo.app.request('/documents/unknown-doc');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('資料「unknown-doc」は見つかりません');
  });
});
