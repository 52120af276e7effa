import { describe, expect, it } from 'vitest';
import { linksOf, rewriteCssLinks, rewriteHtmlLinks } from './rewrite-links.ts';

describe('rewriteHtmlLinks', () => {
  it('rewrites href, src and action, unescaping and escaping &amp;', () => {
    const html = '<a href="/plans/x?a=1&amp;lang=en">x</a><img src="/c.svg"><form action="/search"></form>';
    const seen: string[] = [];
    const out = rewriteHtmlLinks(html, (href) => {
      seen.push(href);
      return `new${href}`;
    });
    expect(seen).toEqual(['/plans/x?a=1&lang=en', '/c.svg', '/search']);
    expect(out).toBe(
      '<a href="new/plans/x?a=1&amp;lang=en">x</a><img src="new/c.svg"><form action="new/search"></form>',
    );
  });

  it('keeps a link on undefined and removes the attribute on null', () => {
    const html = '<a href="/admin">職員ログイン</a><a href="#main">skip</a>';
    expect(rewriteHtmlLinks(html, (href) => (href === '/admin' ? null : undefined))).toBe(
      '<a>職員ログイン</a><a href="#main">skip</a>',
    );
  });

  it('leaves data-href and similar attributes alone', () => {
    expect(linksOf('<div data-href="/x"></div>', 'html')).toEqual([]);
  });
});

describe('rewriteCssLinks', () => {
  it('rewrites url() and @import but not data: URLs', () => {
    const css = `@import "/assets/a.css";.x{background:url('/img/b.png')}.y{background:url(data:image/png;base64,AA)}`;
    expect(linksOf(css, 'css')).toEqual(['/assets/a.css', '/img/b.png']);
    expect(rewriteCssLinks(css, (href) => `..${href}`)).toBe(
      `@import "../assets/a.css";.x{background:url('../img/b.png')}.y{background:url(data:image/png;base64,AA)}`,
    );
  });
});
