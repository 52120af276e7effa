/**
 * `/changes` (「最近の変更」, paged back with `?before={seq}`) and the Atom feeds of published changes:
 * `/feed.atom` for the whole site, `/organizations/{id}/feed.atom` and `/plans/{id}/feed.atom` for one of each.
 */
import { type Context, Hono } from 'hono';
import { badRequest, notFound } from '../http-error.ts';
import { langOf, localHref } from '../i18n/index.ts';
import { idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { atomFeed } from './atom.ts';
import { ChangesPage } from './ChangesPage.tsx';
import type { HistoryReader } from './history-reader.ts';
import { absoluteUrl, siteBase } from './public-url.ts';
import { plansOf, recentChanges } from './recent-changes.ts';

export const changesPageSize = 30;
export const feedSize = 50;

function readerOf(c: Context<WebEnv>): HistoryReader {
  const reader = c.var.history;
  if (!reader) throw notFound('変更履歴', 'history', c.req.path);
  return reader;
}

function beforeQuery(c: Context<WebEnv>): number | undefined {
  const value = c.req.query('before');
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,15}$/.test(value))
    throw badRequest('before', `「before」は正の整数です (before must be a positive integer: ${value})`);
  return Number(value);
}

export const changesPage = new Hono<WebEnv>();

changesPage.get('/', async (c) => {
  onlyQueries(c, ['lang', 'before']);
  const lang = langOf(c);
  const beforeSeq = beforeQuery(c);
  const page = await recentChanges(readerOf(c), {
    limit: changesPageSize,
    ...(beforeSeq !== undefined && { beforeSeq }),
  });
  const plans = await c.var.store.listPlans();
  return c.html(
    <ChangesPage
      revisions={page.revisions}
      plans={plans}
      olderThan={page.olderThan}
      paged={beforeSeq !== undefined}
      lang={lang}
    />,
  );
});

const feedType = 'application/atom+xml; charset=utf-8';

async function feedResponse(
  c: Context<WebEnv>,
  options: { title: { ja: string; en: string }; alternate: string; planIds?: readonly string[] },
) {
  onlyQueries(c, ['lang']);
  const lang = langOf(c);
  const { revisions } = await recentChanges(readerOf(c), {
    limit: feedSize,
    ...(options.planIds && { planIds: options.planIds }),
  });
  const plans = await c.var.store.listPlans();
  const xml = atomFeed({
    title: options.title[lang],
    self: absoluteUrl(c, localHref(c.req.path, lang)),
    alternate: absoluteUrl(c, localHref(options.alternate, lang)),
    updated: revisions[0]?.at ?? new Date().toISOString(),
    base: siteBase(c),
    lang,
    revisions,
    plans: new Map(plans.map((plan) => [plan.id, plan])),
  });
  return c.body(xml, 200, { 'Content-Type': feedType });
}

export const siteFeed = new Hono<WebEnv>();
siteFeed.get('/', (c) =>
  feedResponse(c, {
    title: { ja: '見える化: 最近の変更', en: 'Mieruka: recent changes' },
    alternate: '/changes',
  }),
);

export const planFeed = new Hono<WebEnv>();
planFeed.get('/:id/feed.atom', async (c) => {
  const id = idParam(c);
  const plan = (await c.var.store.listPlans()).find((p) => p.id === id);
  if (!plan) throw notFound('計画', 'plan', id);
  return feedResponse(c, {
    title: { ja: `${plan.title}: 最近の変更`, en: `${plan.titleEn ?? plan.title}: recent changes` },
    alternate: `/plans/${encodeURIComponent(id)}`,
    planIds: [id],
  });
});

export const organizationFeed = new Hono<WebEnv>();
organizationFeed.get('/:id/feed.atom', async (c) => {
  const id = idParam(c);
  const organization = (await c.var.store.listOrganizations()).find((o) => o.id === id);
  if (!organization) throw notFound('団体', 'organization', id);
  return feedResponse(c, {
    title: {
      ja: `${organization.name}: 最近の変更`,
      en: `${organization.nameEn ?? organization.name}: recent changes`,
    },
    alternate: `/organizations/${encodeURIComponent(id)}/terms`,
    planIds: plansOf(await c.var.store.listPlans(), id),
  });
});
