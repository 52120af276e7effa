/** The page frame: skip link, header with navigation and the language switch, main, footer. No client script. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { type Lang, LangContext, localHref, messagesOf } from '../i18n/index.ts';
import { ShareMeta, servesHistory } from '../share/ShareMeta.tsx';
import { SiteSearch } from './SiteSearch.tsx';
import { type SignedInStaff, StaffEntry } from './StaffEntry.tsx';

export interface LayoutProps {
  title: string;
  lang?: Lang;
  /** This page's path and query, so the language switch can point at the same page. */
  path?: string;
  /** Extra stylesheets from our origin, e.g. a plan's status colours. */
  stylesheets?: string[];
  /** A class on <body>, e.g. "report" for the print layout. */
  bodyClass?: string;
  /** The header's search box; off on the search page (it has its own) and on staff pages (their forms come first). */
  siteSearch?: boolean;
  /** Who is signed in: the header names them and offers to log out instead of 「職員ログイン」. */
  staff?: SignedInStaff | undefined;
  /** One sentence about the page for search results and share previews; the site's own when absent. */
  description?: string | undefined;
  /** The page's share image (e.g. a plan's progress, /share/plans/{id}.png); the site's generic one when absent. */
  shareImage?: string | undefined;
  /** The Atom feed of this page's changes; the site-wide /feed.atom when absent. */
  feed?: string | undefined;
  children?: Child;
}

export function Layout({
  title,
  lang = 'ja',
  path = '/',
  stylesheets = [],
  bodyClass,
  siteSearch = true,
  staff,
  description,
  shareImage,
  feed,
  children,
}: LayoutProps) {
  const t = messagesOf(lang);
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} | ${t.siteName}`}</title>
          <link rel="alternate" hreflang={other} href={localHref(path, other)} />
          <ShareMeta
            title={title}
            lang={lang}
            path={path}
            description={description}
            image={shareImage}
            feed={feed}
          />
          <link rel="stylesheet" href="/assets/tokens.css" />
          <link rel="stylesheet" href="/assets/site.css" />
          <link rel="stylesheet" href="/assets/status.css" />
          <link rel="stylesheet" href="/assets/widths.css" />
          {stylesheets.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
        </head>
        <body class={bodyClass}>
          <a class="skip-link" href="#main">
            {t.skipLink}
          </a>
          <header class="site-header">
            <div class="inner">
              <a class="site-name" href={localHref('/', lang)}>
                見える化<small>Mieruka</small>
              </a>
              <nav aria-label={t.siteNav}>
                <ul>
                  <li>
                    <a href={localHref('/', lang)}>{t.navPlans}</a>
                  </li>
                  <li>
                    <a href="/api/v1/openapi.json">{t.navApi}</a>
                  </li>
                  <StaffEntry lang={lang} staff={staff} />
                  <li>
                    <a class="lang-switch" href={localHref(path, other)} hreflang={other} lang={other}>
                      {t.switchLanguage}
                    </a>
                  </li>
                </ul>
              </nav>
              {siteSearch ? <SiteSearch lang={lang} /> : null}
            </div>
          </header>
          <main id="main">
            <LangContext.Provider value={lang}>{children}</LangContext.Provider>
          </main>
          <footer class="site-footer">
            <div class="inner">
              <p>{t.footerNote}</p>
              <p>
                <a href={localHref('/accessibility', lang)}>{t.accessibilityLink}</a>
                {servesHistory() ? (
                  <>
                    {' · '}
                    <a href={localHref('/changes', lang)}>
                      {lang === 'ja' ? '最近の変更' : 'Recent changes'}
                    </a>
                    {' · '}
                    <a href="/feed.atom" type="application/atom+xml">
                      {lang === 'ja' ? '更新情報（Atom）' : 'Updates (Atom feed)'}
                    </a>
                  </>
                ) : null}
              </p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
