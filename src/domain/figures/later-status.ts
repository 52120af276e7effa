/**
 * Statuses that later plans give the nodes they continue: a promise of 2016 left 未評価 in its own record but
 * carried into 「小泉市政2期8年の足跡」 and marked 完了 there is shown as 「2期8年の足跡で完了」.
 */
import type { Plan } from '../model.ts';
import { comparePartialDates, parsePartialDate } from '../partial-date.ts';
import { nodesOf } from '../plan-tree.ts';
import { findStatus, statusVocabularyOf, unassessedStatus } from '../status.ts';
import type { LaterStatus } from './status-summary.ts';

/**
 * Each continued node id with the status a continuing node states (a stated status only). The plan that directly
 * follows the node's own plan (its follow-up record) speaks first; among others the later published wins.
 * @example laterStatusIndex([mirai2016, ashiato2024]).get('mirai-2016.p1.a') // { status: 完了, planTitle: '小泉市政2期8年の足跡', … }
 */
export function laterStatusIndex(plans: readonly Plan[]): Map<string, LaterStatus> {
  const index = new Map<string, LaterStatus>();
  const planOf = new Map(plans.flatMap((p) => nodesOf(p.nodes).map((n) => [n.id, p.id] as const)));
  const fromFollowUp = new Set<string>();
  // Later-published plans last, so a record published after another overwrites what the one before said.
  const ordered = [...plans].sort((a, b) => {
    const [x, y] = [parsePartialDate(a.publishedAt), parsePartialDate(b.publishedAt)];
    return x && y ? comparePartialDates(x, y) : 0;
  });
  for (const plan of ordered) {
    const vocabulary = statusVocabularyOf(plan);
    for (const node of nodesOf(plan.nodes)) {
      const status = findStatus(vocabulary, node.status);
      if (status.code === unassessedStatus.code) continue;
      for (const earlier of node.continues) {
        const followUp = plan.follows !== null && plan.follows === planOf.get(earlier);
        if (fromFollowUp.has(earlier) && !followUp) continue;
        if (followUp) fromFollowUp.add(earlier);
        index.set(earlier, {
          status,
          nodeId: node.id,
          nodeTitle: node.title,
          planId: plan.id,
          planTitle: plan.title,
          ...(node.statusSource ? { source: node.statusSource } : {}),
        });
      }
    }
  }
  return index;
}
