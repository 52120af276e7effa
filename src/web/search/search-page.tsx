/** `GET /search?q=`: the search form and, once asked, the results with every match marked. */
import { Hono } from 'hono';
import { highlight, type SearchResult, type SearchStore } from '../../store/search/index.ts';
import { Layout } from '../components/Layout.tsx';
import { onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { Highlighted } from './Highlighted.tsx';
import { searchParam, searchUnavailable } from './search-param.ts';
import { searchHitHref } from './search-view.ts';

const typeLabels: Record<SearchResult['hits'][number]['type'], string> = {
  plan: '計画',
  node: '施策・事業',
  achievement: '取り組み実績',
  indicator: '指標',
};

function SearchForm({ query, error }: { query: string; error?: string | undefined }) {
  return (
    <search>
      <form class="search-form" action="/search" method="get">
        <label for="search-q">検索する言葉</label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={query}
          maxlength={100}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'search-error' : undefined}
        />
        <button type="submit">検索</button>
        {error ? (
          <p id="search-error" class="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </search>
  );
}

function Results({ result }: { result: SearchResult }) {
  return (
    <section aria-labelledby="search-results">
      <h2 id="search-results">
        「{result.query}」の検索結果 {result.hits.length}件
      </h2>
      {result.hits.length === 0 ? <p>見つかりませんでした。別の言葉でお試しください。</p> : null}
      <ol class="search-results">
        {result.hits.map((hit) => (
          <li>
            <p class="meta">
              {typeLabels[hit.type]}・{hit.planTitle}
            </p>
            <h3>
              <a href={searchHitHref(hit)}>
                <Highlighted fragments={highlight(hit.title, result.terms)} />
              </a>
            </h3>
            <p>
              <Highlighted fragments={hit.snippet} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The page over `search`; answers 503 when the app has none. */
export function searchPage(search: SearchStore | undefined): Hono<WebEnv> {
  const page = new Hono<WebEnv>();
  page.get('/', async (c) => {
    // lang: the layout's language switch adds it; this page is in Japanese only for now.
    onlyQueries(c, ['q', 'lang']);
    const typed = c.req.query('q');
    if (typed === undefined) {
      return c.html(
        <Layout title="検索">
          <h1>検索</h1>
          <SearchForm query="" />
        </Layout>,
      );
    }
    const param = searchParam(c);
    if (!param.ok) {
      return c.html(
        <Layout title="検索">
          <h1>検索</h1>
          <SearchForm query={typed} error={param.error} />
        </Layout>,
        400,
      );
    }
    if (!search) throw searchUnavailable();
    const result = await search.search(param.terms, param.query);
    return c.html(
      <Layout title={`「${param.query}」の検索結果`}>
        <h1>検索</h1>
        <SearchForm query={param.query} />
        <Results result={result} />
      </Layout>,
    );
  });
  return page;
}
