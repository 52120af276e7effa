/**
 * The store's side of a staff table import: what is stored for the keys a file names, and writing the planned
 * changes with their history. The io side (src/io/table-import) reads and plans; only this writes.
 */
import type { Kysely } from 'kysely';
import type { ProgressCounter } from '../../domain/progress.ts';
import type { Database } from '../schema.ts';
import { reindexPlan } from '../search/reindex.ts';
import type { ImportChange } from './import-change.ts';
import { recordTableImport } from './import-revisions.ts';
import { writeChanges } from './write-changes.ts';
import { writeImportDrafts } from './write-drafts.ts';

export {
  type StoredEvaluationPlan,
  storedEvaluationIds,
  storedEvaluationPlans,
  storedProgramSheetIds,
  storedViewpointLabels,
} from './evaluation-records.ts';
export {
  nextAchievementPositions,
  nextIndicatorPositions,
  nextNodePositions,
  positionKey,
  type Stored,
  storedAchievements,
  storedDocumentIds,
  storedDocumentTexts,
  storedIndicators,
  storedNodes,
  storedPlanIds,
  storedPlanNodes,
  storedValues,
} from './existing-records.ts';
export type { ImportAction, ImportChange, ImportCounts, ImportEntity } from './import-change.ts';
export { type BatchImportSummary, perRecordRevisionLimit } from './import-revisions.ts';
export { type PendingPlanDrafts, pendingPlanDrafts } from './pending-drafts.ts';
export { planPeriods, type StoredPoint, storedSeries } from './plausibility-context.ts';
export { draftAuthorId } from './write-drafts.ts';

export interface TableImportWrite {
  /** Who imports, as the history records it. */
  actor: string;
  /** The file's name, for the history's reason. */
  file: string;
  /** When, as an ISO timestamp. */
  at: string;
  /** Counts each record written. */
  written?: ProgressCounter;
  /**
   * Save each record as a draft of this staff account (to review and publish on the publish page) instead of
   * writing the public tables. Absent: published at once.
   */
  draftAuthorId?: string;
  /** Plausibility warnings staff confirmed, as lines, by the id of the record each is about: kept in its history. */
  confirmedWarnings?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Writes the created and updated records of `changes` inside the caller's transaction, records them in the history
 * and reindexes the plans touched (which bumps the data generation page caches key on).
 * @example await writeTableImport(trx, changes, { actor: 'cli', file: 'obs.csv', at })
 */
export async function writeTableImport(
  trx: Kysely<Database>,
  changes: readonly ImportChange[],
  options: TableImportWrite,
): Promise<void> {
  // Counted and their plans gathered in one pass: no second array of a 100,000-row file's changes.
  let count = 0;
  const planIds = new Set<string>();
  for (const c of changes) {
    if (c.action === 'unchanged') continue;
    count += 1;
    planIds.add(c.planId);
  }
  if (count === 0) return;
  if (options.draftAuthorId !== undefined) {
    await writeImportDrafts(trx, changes, { authorId: options.draftAuthorId, at: options.at });
    options.written?.add(count);
    await recordTableImport(trx, changes, { ...options, published: false });
    return;
  }
  // Unchanged records are skipped by the writers themselves.
  await writeChanges(trx, changes, options.at, options.written);
  await recordTableImport(trx, changes, { ...options, published: true });
  for (const planId of planIds) await reindexPlan(trx, planId);
}
