/**
 * `/compare/{key}`: one indicator definition across organizations (all, `?codes=` a group such as a 類似団体,
 * or `?prefecture=`), ranked, with the chart, each value linked to its source and the rules in words.
 * Not scoped to one organization in the page cache: any organization's write may change it.
 */
import { Hono } from 'hono';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { Layout } from '../components/Layout.tsx';
import { notFound } from '../http-error.ts';
import { langOf, localHref, messagesOf, pagePath } from '../i18n/index.ts';
import { onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { ComparePage } from './ComparePage.tsx';
import { checkPage, comparisonOptionsOf, keyParam } from './compare-params.ts';
import { compareWords } from './compare-words.ts';

/** Organizations a page shows: a chart of 20 bars still reads on a phone. */
export const pagePerPage = 20;

const comparePage = new Hono<WebEnv>();

comparePage.get('/:key', async (c) => {
  onlyQueries(c, ['codes', 'prefecture', 'page', 'lang']);
  const lang = langOf(c);
  const key = keyParam(c);
  const options = comparisonOptionsOf(c, pagePerPage);
  const comparison = await c.var.store.compareIndicator(key, options);
  if (!comparison) throw notFound('比較できる指標', 'comparable indicator', key);
  checkPage(options.page, comparison.pageCount);
  const w = compareWords[lang];
  const title = w.title(comparison.definition.name);
  return c.html(
    <Layout title={title} lang={lang} path={pagePath(c)}>
      <Breadcrumb
        items={[{ href: localHref('/', lang), label: messagesOf(lang).home }]}
        current={w.compare}
      />
      <h1>{w.heading(comparison.definition.name)}</h1>
      <ComparePage comparison={comparison} options={options} lang={lang} />
    </Layout>,
  );
});

export default comparePage;
