/** The page frame: skip link, header with navigation, main, footer. No client script anywhere. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

export interface LayoutProps {
  title: string;
  /** Extra stylesheets from our origin, e.g. a plan's status colours. */
  stylesheets?: string[];
  children?: Child;
}

export function Layout({ title, stylesheets = [], children }: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} | 見える化`}</title>
          <link rel="stylesheet" href="/assets/tokens.css" />
          <link rel="stylesheet" href="/assets/site.css" />
          <link rel="stylesheet" href="/assets/status.css" />
          {stylesheets.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main">
            本文へ移動
          </a>
          <header class="site-header">
            <div class="inner">
              <a class="site-name" href="/">
                見える化<small>Mieruka</small>
              </a>
              <nav aria-label="サイト">
                <ul>
                  <li>
                    <a href="/">計画の一覧</a>
                  </li>
                  <li>
                    <a href="/api/v1/openapi.json">API</a>
                  </li>
                </ul>
              </nav>
            </div>
          </header>
          <main id="main">{children}</main>
          <footer class="site-footer">
            <div class="inner">
              <p>すべての数値は出典の資料と行にリンクしています。数値を選ぶと根拠の文章を確認できます。</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
