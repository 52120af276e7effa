import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, openDemoApp } from '../../../test/helpers/web.ts';
import { citationProblem, textLines } from '../../domain/citation.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

const report = async (id: string) => (await demo.app.request(`/plans/${id}/report`)).text();

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decodeHtml = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);

/** A demo document's text, as the dataset ships it. */
const demoDocumentText = (id: string) =>
  readFileSync(new URL(`../../../data/demo/komoro/documents/${id}.txt`, import.meta.url), 'utf8');

interface PrintedFootnote {
  n: string;
  quote: string | null;
  documentId: string;
  line: number;
}

/** The footnotes as printed: number, the quote in 「」, and the document and line the link points to. */
function footnotesOf(html: string): PrintedFootnote[] {
  const items = html.matchAll(/<li id="fn-(\d+)">(.*?)<\/li>/g);
  return [...items].map(([, n = '', body = '']) => {
    const quote = /<span class="footnote-quote"[^>]*>「(.*?)」<\/span>/.exec(body)?.[1];
    const link = /href="\/documents\/([^"#]+)#L(\d+)"/.exec(body);
    return {
      n,
      quote: quote === undefined ? null : decodeHtml(quote),
      documentId: decodeURIComponent(link?.[1] ?? ''),
      line: Number(link?.[2]),
    };
  });
}

/** The footnote number cited right after the given words. */
function citeAfter(html: string, words: string): string | undefined {
  const at = html.indexOf(words);
  return at < 0 ? undefined : /<sup class="cite"><a href="#fn-(\d+)"/.exec(html.slice(at))?.[1];
}

describe('GET /plans/{id}/report', () => {
  it('has one section per pillar with its slogan in 「」 and ● policies', async () => {
    const plan = await demo.store.getPlan('mirai-2016');
    const html = await report('mirai-2016');
    expect(html).toContain('<body class="report">');
    for (const pillar of plan?.nodes ?? []) {
      expect(html).toContain(`<section class="report-pillar" aria-labelledby="r-${pillar.id}">`);
      if (pillar.slogan) expect(html).toContain(`「${pillar.slogan}」`);
    }
    expect(html).toContain('<ul class="bullets">');
  });

  it('counts a promise a later plan continues with its later status, as the plan page does, and links to it', async () => {
    const coverage = (html: string) => /評価済み (\d+) \/ (\d+)件/.exec(html)?.slice(1);
    const planPage = await (await demo.app.request('/plans/mirai-2016')).text();
    const html = await report('mirai-2016');
    const [rated, all] = coverage(html) ?? [];
    expect(coverage(html)).toEqual(coverage(planPage));
    // Most of the 2016 promises are rated only in the follow-up record: without it, 3 of 35.
    expect(Number(rated)).toBeGreaterThan(3);
    expect(Number(all)).toBe(35);
    expect(html).toMatch(/<a class="later-status" href="\/nodes\/[^"]+">「[^」]+」で完了<\/a>/);
  });

  it('boxes the headline figures with the engine’s derived figure and its rule', async () => {
    const html = await report('mirai-2016');
    expect(html).toMatch(/<p class="highlight-figure"><span class="figure-kind">倍率<\/span>50\.5倍/);
    expect(html).toContain('計算方法: 倍率 = 実績 ÷ 基準');
  });

  it('prints a figure only the source printed as 報告値, in the source’s own words', async () => {
    const html = await report('mirai-2016');
    expect(html).toContain('<span class="reported">報告値</span>「超過勤務時間削減 -12.81%」');
    expect(html).toContain('<span class="reported">報告値</span>「実施率:89.7%」');
    // No sign of our own: the newsletter printed no plus.
    expect(html).not.toContain('+89.7%');
  });

  it('cites each printed figure with the footnote of its own quote, not another quote on the same line', async () => {
    const html = await report('mirai-2016');
    const notes = footnotesOf(html);
    const quoteOf = (n: string | undefined) => notes.find((note) => note.n === n)?.quote;
    expect(quoteOf(citeAfter(html, '「超過勤務時間削減 -12.81%」'))).toBe('超過勤務時間削減 -12.81%');
    expect(quoteOf(citeAfter(html, '「実施率:89.7%」'))).toBe('実施率:89.7%');
  });

  it('quotes, in every footnote, words printed on the line it links to, each quote once', async () => {
    const html = await report('mirai-2016');
    const notes = footnotesOf(html);
    expect(notes.length).toBeGreaterThan(50);
    const texts = new Map<string, string[]>();
    for (const note of notes) {
      expect(note.quote, `footnote ${note.n}`).not.toBeNull();
      if (!texts.has(note.documentId))
        texts.set(note.documentId, textLines(demoDocumentText(note.documentId)));
      const problem = citationProblem(texts.get(note.documentId) ?? [], {
        line: note.line,
        quote: note.quote ?? '',
      });
      expect(problem, `footnote ${note.n}`).toBeNull();
    }
    const keys = notes.map((note) => `${note.documentId}#${note.line}#${note.quote}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names each document once among the footnotes, in the source list, with its publisher and kind', async () => {
    const html = await report('mirai-2016');
    const title = (await demo.store.getDocument('komoro-pride-vol5'))?.title ?? '';
    expect(title).not.toBe('');
    const footnotes = html.slice(html.indexOf('<section class="footnotes"'));
    expect(footnotes.split(title)).toHaveLength(2);
    expect(html).toMatch(/<li id="doc-1">資料1: <cite class="cited-document">/);
    expect(html).toContain('後援会などの政治活動の資料');
  });

  it('numbers every cited source once, as footnotes that link to the line', async () => {
    const html = await report('ashiato-2024');
    const cited = new Set([...html.matchAll(/<sup class="cite"><a href="#fn-(\d+)"/g)].map((m) => m[1]));
    const notes = footnotesOf(html).map((note) => note.n);
    expect(cited.size).toBeGreaterThan(0);
    expect(notes).toEqual([...cited].sort((a, b) => Number(a) - Number(b)));
  });

  it('answers 404 for an unknown plan', async () => {
    expect((await demo.app.request('/plans/unknown/report')).status).toBe(404);
  });
});
