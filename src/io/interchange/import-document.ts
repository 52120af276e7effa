/**
 * Loads an interchange document into an EMPTY database, all or nothing. Merging into existing data would need
 * rules for conflicting ids that this format does not define, so a non-empty database is refused.
 */
import type { Kysely } from 'kysely';
import type { OrganizationDocument } from '../../domain/model.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import type { Database } from '../../store/schema.ts';
import { isEmpty } from '../../store/seed.ts';
import { countRecords, type RecordCounts } from './record-counts.ts';

export interface ImportDocumentOptions {
  /** Check everything but write nothing. */
  dryRun?: boolean;
}

export type ImportDocumentOutcome =
  | { ok: true; saved: boolean; counts: RecordCounts }
  | { ok: false; error: 'not_empty' | 'save_failed'; message: string };

export const notEmptyMessage =
  'データベースが空ではありません。取り込みは空のデータベースにだけできます (the database is not empty; import needs an empty one)';

/**
 * Saves a validated document unless the database already holds data.
 * @example await importOrganizationDocument(db, doc) // { ok: true, saved: true, counts: { plans: 3, … } }
 */
export async function importOrganizationDocument(
  db: Kysely<Database>,
  doc: OrganizationDocument,
  options: ImportDocumentOptions = {},
): Promise<ImportDocumentOutcome> {
  if (!(await isEmpty(db))) return { ok: false, error: 'not_empty', message: notEmptyMessage };
  const counts = countRecords(doc);
  if (options.dryRun) return { ok: true, saved: false, counts };
  try {
    await saveOrganizationDocument(db, doc);
  } catch (error) {
    return {
      ok: false,
      error: 'save_failed',
      message: `保存できませんでした。何も保存していません (save failed; nothing was saved): ${(error as Error).message}`,
    };
  }
  return { ok: true, saved: true, counts };
}
