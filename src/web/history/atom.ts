/**
 * An Atom 1.0 feed (RFC 4287) of published changes: each entry is one change, its id the permanent address of
 * that change on its item's history page, its times the instants the history recorded.
 */
import type { Revision } from '../../store/editing/contract.ts';
import type { PlanHeader } from '../../store/read-store.ts';
import type { Lang } from '../i18n/index.ts';
import { changedFieldNames, historyHref, planTitle } from './ChangesPage.tsx';
import { actionLabel, entityLabel, latestState, recordName } from './history-words.ts';
import { jstDateTime } from './jst-time.ts';

/** Text as XML character data or an attribute value. */
export function xmlEscape(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Control characters XML 1.0 cannot hold at all.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

export interface AtomFeed {
  title: string;
  /** Absolute: the feed's own address, which is also its id. */
  self: string;
  /** Absolute: the page that lists the same changes. */
  alternate: string;
  /** When the newest change was made; the feed's own time when it has none. */
  updated: string;
  base: string;
  lang: Lang;
  revisions: Revision[];
  plans: Map<string, PlanHeader>;
}

function entry(feed: AtomFeed, revision: Revision): string {
  const { lang, base } = feed;
  const state = latestState(revision);
  const { name } = recordName(state, revision.entityId, lang);
  const link = `${base}${historyHref(revision, lang)}`;
  const plan = planTitle(feed.plans.get(revision.planId ?? ''), lang);
  const fields = changedFieldNames(revision, lang);
  const summary = [
    `${entityLabel(revision.entity, state, lang)}: ${name}`,
    plan ? plan.text : '',
    fields,
    revision.reason ?? '',
    jstDateTime(revision.at, lang),
  ]
    .filter((part) => part !== '')
    .join(' / ');
  return [
    '  <entry>',
    `    <title>${xmlEscape(`${actionLabel(revision, lang)}: ${name}`)}</title>`,
    `    <id>${xmlEscape(link)}</id>`,
    `    <link rel="alternate" type="text/html" href="${xmlEscape(link)}"/>`,
    `    <updated>${xmlEscape(new Date(revision.at).toISOString())}</updated>`,
    `    <author><name>${xmlEscape(revision.actor)}</name></author>`,
    `    <summary type="text">${xmlEscape(summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

/** The feed as XML text. */
export function atomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang}">`,
    `  <title>${xmlEscape(feed.title)}</title>`,
    `  <id>${xmlEscape(feed.self)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.alternate)}"/>`,
    `  <updated>${xmlEscape(new Date(feed.updated).toISOString())}</updated>`,
    `  <author><name>${xmlEscape(feed.lang === 'en' ? 'Mieruka' : '見える化')}</name></author>`,
    '  <generator>Mieruka</generator>',
    ...feed.revisions.map((revision) => entry(feed, revision)),
    '</feed>',
    '',
  ].join('\n');
}
