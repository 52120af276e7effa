/** Seeding: an empty database receives a whole document, saved in one transaction and indexed for search. */
import type { Kysely } from 'kysely';
import type { OrganizationDocument } from '../domain/model.ts';
import type { ImportRevisionOptions } from './editing/import-revisions.ts';
import { saveOrganizationDocument } from './save-dataset.ts';
import type { Database } from './schema.ts';
import { rebuildSearchIndex } from './search/reindex.ts';

/** True when no organization is stored yet, e.g. `if (await isEmpty(db)) await seedDocument(db, doc)`. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('organization').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Saves a document all or nothing and rebuilds the search index over it, e.g.
 * `await seedDocument(db, doc, { reason: 'デモデータ (demo seed)' })`.
 */
export async function seedDocument(
  db: Kysely<Database>,
  doc: OrganizationDocument,
  history: ImportRevisionOptions = {},
): Promise<void> {
  await saveOrganizationDocument(db, doc, history);
  await rebuildSearchIndex(db);
}
