/**
 * Loads an interchange document, all or nothing. Into an empty database it is saved whole; into one that already
 * holds data it is merged by id (src/store/merge): records the file names are created or updated, everything else
 * is left alone, nothing is deleted, and a dry run lists what would be created, updated or left alone.
 */
import type { Kysely } from 'kysely';
import type { OrganizationDocument } from '../../domain/model.ts';
import {
  applyMerge,
  type MergeAction,
  type MergeEntity,
  mergeCounts,
  planMerge,
} from '../../store/merge/index.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import type { Database } from '../../store/schema.ts';
import { reindexPlan } from '../../store/search/reindex.ts';
import { isEmpty } from '../../store/seed.ts';
import { countRecords, type RecordCounts } from './record-counts.ts';

export interface ImportDocumentOptions {
  /** Check everything but write nothing. */
  dryRun?: boolean;
  /** Login recorded in the history ("system" by default). */
  actor?: string;
  /** The file's name, kept in the history of a large import (see recordImport). */
  file?: string;
}

/** One record a merge creates or updates. */
export interface MergedRecord {
  entity: MergeEntity;
  id: string;
  action: Exclude<MergeAction, 'unchanged'>;
  /** The fields an update changes; empty for a create. */
  changedFields: string[];
}

/** What a merge into a non-empty database does (or, in a dry run, would do). */
export interface MergeReport {
  changes: MergedRecord[];
  counts: Record<MergeAction, number>;
  /** Stored records of the merged plans that the file does not mention: left alone. */
  notInFile: number;
}

export type ImportDocumentOutcome =
  | { ok: true; saved: boolean; counts: RecordCounts; merge?: MergeReport }
  | { ok: false; error: 'save_failed'; message: string };

const failed = (error: unknown): ImportDocumentOutcome => ({
  ok: false,
  error: 'save_failed',
  message: `保存できませんでした。何も保存していません (save failed; nothing was saved): ${(error as Error).message}`,
});

const historyOptions = ({ actor, file }: ImportDocumentOptions) => ({
  ...(actor === undefined ? {} : { actor }),
  ...(file === undefined ? {} : { file }),
});

async function merge(
  db: Kysely<Database>,
  doc: OrganizationDocument,
  options: ImportDocumentOptions,
): Promise<ImportDocumentOutcome> {
  const plan = await planMerge(db, doc);
  const report: MergeReport = {
    changes: plan.changes.flatMap((c) =>
      c.action === 'unchanged'
        ? []
        : [{ entity: c.entity, id: c.id, action: c.action, changedFields: c.changedFields }],
    ),
    counts: mergeCounts(plan),
    notInFile: plan.notInFile,
  };
  const counts = countRecords(doc);
  if (options.dryRun) return { ok: true, saved: false, counts, merge: report };
  try {
    await applyMerge(db, doc, plan, historyOptions(options));
  } catch (error) {
    return failed(error);
  }
  return { ok: true, saved: true, counts, merge: report };
}

/**
 * Saves a validated document: whole into an empty database, merged by id into one that holds data.
 * @example await importOrganizationDocument(db, doc) // { ok: true, saved: true, counts: { plans: 3, … } }
 */
export async function importOrganizationDocument(
  db: Kysely<Database>,
  doc: OrganizationDocument,
  options: ImportDocumentOptions = {},
): Promise<ImportDocumentOutcome> {
  if (!(await isEmpty(db))) return merge(db, doc, options);
  const counts = countRecords(doc);
  if (options.dryRun) return { ok: true, saved: false, counts };
  try {
    await saveOrganizationDocument(db, doc, historyOptions(options));
    // Searchable at once, as a merge's touched plans are: only the demo seed used to index.
    for (const plan of doc.plans) await reindexPlan(db, plan.id);
  } catch (error) {
    return failed(error);
  }
  return { ok: true, saved: true, counts };
}

const actionWords: Record<Exclude<MergeAction, 'unchanged'>, string> = {
  create: '追加 (create)',
  update: '更新 (update)',
};

/**
 * The merge as lines for a person, Japanese first: each record created or updated, then what is left alone.
 * @example formatMergeReport(report) // ['更新 (update) indicator mirai-2016.i.tax: value, text', …]
 */
export function formatMergeReport(report: MergeReport): string[] {
  const lines = report.changes.map(
    (c) =>
      `${actionWords[c.action]} ${c.entity} ${c.id}${c.changedFields.length > 0 ? `: ${c.changedFields.join(', ')}` : ''}`,
  );
  lines.push(
    `追加 ${report.counts.create} 件、更新 ${report.counts.update} 件、変更なし ${report.counts.unchanged} 件、ファイルにない記録 ${report.notInFile} 件はそのまま (${report.counts.create} created, ${report.counts.update} updated, ${report.counts.unchanged} unchanged, ${report.notInFile} not in the file left alone)`,
  );
  return lines;
}
