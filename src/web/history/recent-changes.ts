/** The published changes a list or a feed shows: newest first, saves that changed nothing left out. */
import type { Revision } from '../../store/editing/contract.ts';
import type { PlanHeader } from '../../store/read-store.ts';
import { changedNothing } from './changed-fields.ts';
import type { HistoryReader } from './history-reader.ts';

export interface ChangesPage {
  revisions: Revision[];
  /** The seq to page back from for older changes; undefined on the last page. */
  olderThan: number | undefined;
}

/**
 * One page of published changes, of some plans or of all; `beforeSeq` continues from an earlier page.
 * @example await recentChanges(reader, { limit: 20 }) // { revisions: [...20], olderThan: 380 }
 */
export async function recentChanges(
  reader: HistoryReader,
  query: { planIds?: readonly string[]; beforeSeq?: number; limit: number },
): Promise<ChangesPage> {
  // One more than the page, to know whether an older page exists.
  const rows = await reader.listPublishedChanges({ ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    revisions: page.filter((revision) => !changedNothing(revision)),
    olderThan: rows.length > query.limit && last ? last.seq : undefined,
  };
}

/** The plans of one organization, for its feed. */
export const plansOf = (plans: PlanHeader[], organizationId: string) =>
  plans.filter((plan) => plan.organization.id === organizationId).map((plan) => plan.id);
