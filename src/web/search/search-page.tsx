/** `GET /search?q=`: the search form and, once asked, the results with every match marked, in the reader's language. */
import { Hono } from 'hono';
import { highlight, type SearchResult, type SearchStore } from '../../store/search/index.ts';
import { Layout } from '../components/Layout.tsx';
import { contentLang, type Lang, langOf, localHref, messagesOf, pagePath } from '../i18n/index.ts';
import { onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { Highlighted } from './Highlighted.tsx';
import { searchParam, searchUnavailable } from './search-param.ts';
import { searchHitHref } from './search-view.ts';

interface SearchFormProps {
  lang: Lang;
  query: string;
  error?: string | undefined;
}

function SearchForm({ lang, query, error }: SearchFormProps) {
  const t = messagesOf(lang);
  return (
    <search>
      <form class="search-form" action="/search" method="get">
        <label for="search-q">{t.searchLabel}</label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={query}
          maxlength={100}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'search-error' : undefined}
        />
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <button type="submit">{t.searchButton}</button>
        {error ? (
          <p id="search-error" class="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </search>
  );
}

function Results({ lang, result }: { lang: Lang; result: SearchResult }) {
  const t = messagesOf(lang);
  return (
    <section aria-labelledby="search-results">
      <h2 id="search-results">{t.searchResultsHeading(result.query, result.hits.length)}</h2>
      {result.hits.length === 0 ? <p>{t.searchNone}</p> : null}
      <ol class="search-results">
        {result.hits.map((hit) => (
          <li>
            <p class="meta">
              {t.searchTypes[hit.type]}・<span lang={contentLang(lang)}>{hit.planTitle}</span>
            </p>
            <h3 lang={contentLang(lang)}>
              <a href={localHref(searchHitHref(hit), lang)}>
                <Highlighted fragments={highlight(hit.title, result.terms)} />
              </a>
            </h3>
            <p lang={contentLang(lang)}>
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
    onlyQueries(c, ['q', 'lang']);
    const lang = langOf(c);
    const t = messagesOf(lang);
    const frame = { lang, path: pagePath(c), siteSearch: false };
    const typed = c.req.query('q');
    if (typed === undefined) {
      return c.html(
        <Layout title={t.search} {...frame}>
          <h1>{t.search}</h1>
          <SearchForm lang={lang} query="" />
        </Layout>,
      );
    }
    const param = searchParam(c);
    if (!param.ok) {
      return c.html(
        <Layout title={t.search} {...frame}>
          <h1>{t.search}</h1>
          <SearchForm lang={lang} query={typed} error={param.error} />
        </Layout>,
        400,
      );
    }
    if (!search) throw searchUnavailable();
    const result = await search.search(param.terms, param.query);
    return c.html(
      <Layout title={t.searchResultsTitle(param.query)} {...frame}>
        <h1>{t.search}</h1>
        <SearchForm lang={lang} query={param.query} />
        <Results lang={lang} result={result} />
      </Layout>,
    );
  });
  return page;
}
