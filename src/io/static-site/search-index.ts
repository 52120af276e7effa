/**
 * The static site's search index: one entry per plan, node, achievement, indicator and evaluation, with the text a reader
 * may search for and the file that shows it (relative to the site's folder), so the browser can filter it alone.
 */

import { appendAll } from '../../domain/append-all.ts';
import type { PlanNode } from '../../domain/model.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { evaluationTitle } from '../../store/search/search-entries.ts';
import { fileOfPage } from './site-paths.ts';

export type SearchEntryType = 'plan' | 'node' | 'achievement' | 'indicator' | 'evaluation';

export interface StaticSearchEntry {
  id: string;
  type: SearchEntryType;
  title: string;
  planTitle: string;
  /** The page's file under the site's folder, with the record's anchor, e.g. "nodes/x/index.html#indicator-i". */
  url: string;
  text: string;
}

const pageFile = (path: string, hash = '') => `${fileOfPage({ path, lang: 'ja' }, true)}${hash}`;
const enc = encodeURIComponent;
const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');

function nodeEntries(node: PlanNode, planTitle: string): StaticSearchEntry[] {
  const nodePage = `/nodes/${enc(node.id)}`;
  const entries: StaticSearchEntry[] = [
    {
      id: node.id,
      type: 'node',
      title: node.code ? `${node.code} ${node.title}` : node.title,
      planTitle,
      url: pageFile(nodePage),
      text: joined(node.title, node.titleEn, node.slogan, node.visionPhrase, node.description),
    },
  ];
  for (const a of node.achievements) {
    entries.push({
      id: a.id,
      type: 'achievement',
      title: a.title,
      planTitle,
      url: pageFile(nodePage, `#achievement-${enc(a.id)}`),
      text: joined(a.title, ...a.details, a.note),
    });
  }
  for (const i of node.indicators) {
    entries.push({
      id: i.id,
      type: 'indicator',
      title: i.name,
      planTitle,
      url: pageFile(nodePage, `#indicator-${enc(i.id)}`),
      text: joined(i.name, i.nameEn, i.unit, i.description),
    });
  }
  for (const e of node.evaluations) {
    entries.push({
      id: e.id,
      type: 'evaluation',
      title: evaluationTitle(e.evaluatorName, node.title),
      planTitle,
      url: pageFile(nodePage, `#evaluation-${enc(e.id)}`),
      text: joined(e.evaluatorName, node.title, e.grade ?? undefined, e.scale, e.comment),
    });
  }
  return [...entries, ...node.children.flatMap((child) => nodeEntries(child, planTitle))];
}

/**
 * Every searchable record of every plan.
 * @example (await staticSearchEntries(store)).find((e) => e.type === 'plan')?.url // "plans/mirai-2016/index.html"
 */
export async function staticSearchEntries(store: ReadStore): Promise<StaticSearchEntry[]> {
  const entries: StaticSearchEntry[] = [];
  for await (const planEntries of staticSearchEntriesByPlan(store)) appendAll(entries, planEntries);
  return entries;
}

/**
 * The same, one plan's records at a time, so a writer holds one plan and never the whole site's index.
 * @example for await (const entries of staticSearchEntriesByPlan(store)) await append(entries)
 */
export async function* staticSearchEntriesByPlan(store: ReadStore): AsyncGenerator<StaticSearchEntry[]> {
  for (const header of await store.listPlans()) {
    const plan = await store.getPlan(header.id);
    if (!plan) continue;
    const entries: StaticSearchEntry[] = [
      {
        id: plan.id,
        type: 'plan',
        title: plan.title,
        planTitle: plan.title,
        url: pageFile(`/plans/${enc(plan.id)}`),
        text: joined(
          plan.title,
          plan.titleEn,
          plan.subtitle,
          plan.summary,
          ...plan.statements.map((s) => joined(s.title, s.body)),
        ),
      },
    ];
    for (const e of plan.evaluations) {
      entries.push({
        id: e.id,
        type: 'evaluation',
        title: evaluationTitle(e.evaluatorName, plan.title),
        planTitle: plan.title,
        url: pageFile(`/plans/${enc(plan.id)}`, `#evaluation-${enc(e.id)}`),
        text: joined(e.evaluatorName, plan.title, e.grade ?? undefined, e.scale, e.comment),
      });
    }
    for (const node of plan.nodes) appendAll(entries, nodeEntries(node, plan.title));
    yield entries;
  }
}
