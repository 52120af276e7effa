/**
 * Folding long lists of indicators, so a page costs the same whatever the plan holds: up to `indicatorsInFull`
 * indicators show in full (chart, table, figures); beyond that a page shows them `indicatorsPerPage` at a time.
 * A 行政評価 sheet with 500 indicators of 200 months would otherwise be a 35 MB page.
 */
import type { Context } from 'hono';
import { type Lang, useLang, useMessages } from '../i18n/index.ts';
import { intQuery } from '../params.ts';

/** Indicators a page shows with chart and table; the demo's nodes hold fewer, so nothing of theirs is folded. */
export const indicatorsInFull = 10;

/** Indicators per page beyond that: five series of 200 months make about 450 KB of HTML. */
export const indicatorsPerPage = 5;

export interface IndicatorPage {
  /** 1-based. */
  page: number;
  pageCount: number;
  from: number;
  to: number;
  total: number;
}

/** The page `?page=` asks for among `total` indicators; a page past the last is a 400 naming the last. */
export function indicatorPageOf(c: Context, total: number): IndicatorPage {
  const perPage = total <= indicatorsInFull ? indicatorsInFull : indicatorsPerPage;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = intQuery(c, 'page', { min: 1, max: pageCount, fallback: 1 });
  const from = (page - 1) * perPage;
  return { page, pageCount, from, to: Math.min(total, from + perPage), total };
}

export function pageHref(base: string, page: number): string {
  if (page === 1) return base;
  return `${base}${base.includes('?') ? '&' : '?'}page=${page}`;
}

export interface PagerProps {
  at: IndicatorPage;
  /** The page's own href for a language, e.g. nodeHref(id, lang). */
  href: (lang: Lang) => string;
}

/** 「指標500件のうち11〜20件目のグラフ」 with links to the previous and next pages; nothing when one page holds all. */
export function IndicatorPager({ at, href }: PagerProps) {
  const t = useMessages();
  const lang = useLang();
  return (
    <PageLinks
      label={t.indicatorPages}
      status={t.indicatorPage(at.from + 1, at.to, at.total)}
      base={href(lang)}
      page={at.page}
      pageCount={at.pageCount}
    />
  );
}

/** A status line and links to the previous and next pages of `base`; nothing when one page holds all. */
export function PageLinks(props: {
  label: string;
  status: string;
  base: string;
  page: number;
  pageCount: number;
}) {
  const t = useMessages();
  if (props.pageCount === 1) return null;
  return (
    <nav aria-label={props.label}>
      <p role="status">{props.status}</p>
      <ul class="plan-links">
        {props.page > 1 ? (
          <li>
            <a href={pageHref(props.base, props.page - 1)} rel="prev">
              {t.previousPage}
            </a>
          </li>
        ) : null}
        {props.page < props.pageCount ? (
          <li>
            <a href={pageHref(props.base, props.page + 1)} rel="next">
              {t.nextPage}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
