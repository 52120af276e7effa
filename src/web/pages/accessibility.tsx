/** `/accessibility`: ウェブアクセシビリティ方針 — target level, scope, and the latest automated test results. */
import { Hono } from 'hono';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { Layout } from '../components/Layout.tsx';
import { type Lang, langOf, localHref, messagesOf, pagePath } from '../i18n/index.ts';
import { onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { type A11yResults, readA11yResults } from './a11y-results.ts';

const accessibility = new Hono<WebEnv>();

const policy = {
  ja: {
    target: '目標とする適合レベル',
    targetText: '見える化は、JIS X 8341-3:2016 の適合レベル AA に準拠することを目標とします。',
    scope: '対象範囲',
    scopeText:
      'このサイトの公開ページ（ホーム、計画、柱・施策・事業、資料、任期ごとの比較、進捗レポート、この方針）を対象とします。API と外部サイトは対象外です。',
    results: '最新の試験結果',
    none: 'まだ試験結果がありません。',
    date: '試験日',
    tool: '試験ツール',
    rules: '試験した基準',
    total: '検出された問題の数',
    page: 'ページ',
    width: '画面の幅',
    count: '問題の数',
  },
  en: {
    target: 'Target level',
    targetText: 'Mieruka aims to conform to JIS X 8341-3:2016 (WCAG 2.0) level AA.',
    scope: 'Scope',
    scopeText:
      'The public pages of this site (home, plans, pillars, policies and programmes, documents, terms side by side, progress report, this policy). The API and external sites are not covered.',
    results: 'Latest test results',
    none: 'No test results yet.',
    date: 'Tested on',
    tool: 'Tool',
    rules: 'Rules',
    total: 'Violations found',
    page: 'Page',
    width: 'Width',
    count: 'Violations',
  },
} as const;

function Results({ results, lang }: { results: A11yResults; lang: Lang }) {
  const p = policy[lang];
  return (
    <>
      <dl class="facts">
        <dt>{p.date}</dt>
        <dd>{results.testedAt}</dd>
        <dt>{p.tool}</dt>
        <dd>axe-core {results.axeVersion}（Chromium）</dd>
        <dt>{p.rules}</dt>
        <dd>{results.rules}</dd>
        <dt>{p.total}</dt>
        <dd>
          <strong>{results.violations}</strong>
        </dd>
      </dl>
      <section class="table-scroll" aria-label={p.results} tabindex={0}>
        <table>
          <caption>{p.results}</caption>
          <thead>
            <tr>
              <th scope="col">{p.page}</th>
              <th scope="col">{p.width}</th>
              <th scope="col">{p.count}</th>
            </tr>
          </thead>
          <tbody>
            {results.pages.map((page) => (
              <tr>
                <th scope="row">
                  {page.name} <span class="meta">{page.path}</span>
                </th>
                <td>{page.width}px</td>
                <td>{page.violations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

accessibility.get('/', async (c) => {
  onlyQueries(c, ['lang']);
  const lang = langOf(c);
  const t = messagesOf(lang);
  const p = policy[lang];
  const results = await readA11yResults();
  return c.html(
    <Layout title={t.accessibility} lang={lang} path={pagePath(c)}>
      <Breadcrumb items={[{ href: localHref('/', lang), label: t.home }]} current={t.accessibility} />
      <h1>{t.accessibility}</h1>
      <h2>{p.target}</h2>
      <p>{p.targetText}</p>
      <h2>{p.scope}</h2>
      <p>{p.scopeText}</p>
      <h2>{p.results}</h2>
      {results ? <Results results={results} lang={lang} /> : <p>{p.none}</p>}
    </Layout>,
  );
});

export default accessibility;
