/** The header's search box: a plain GET form to /search, so it works without JavaScript and keeps the language. */
import { type Lang, messagesOf } from '../i18n/index.ts';

export function SiteSearch({ lang }: { lang: Lang }) {
  const t = messagesOf(lang);
  return (
    <search class="site-search">
      <form action="/search" method="get">
        <label for="site-search-q">{t.siteSearch}</label>
        <input id="site-search-q" name="q" type="search" maxlength={100} />
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <button type="submit">{t.searchButton}</button>
      </form>
    </search>
  );
}
