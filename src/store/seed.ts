/** The Komoro demo dataset, loaded into an empty database on first start. */
import type { Kysely } from 'kysely';
import type { OrganizationDocument } from '../domain/model.ts';
import { demoDatasetDir, loadDataset } from '../io/dataset.ts';
import { saveOrganizationDocument } from './save-dataset.ts';
import type { Database } from './schema.ts';
import { rebuildSearchIndex } from './search/reindex.ts';

/** True when no organization is stored yet, e.g. `if (await isEmpty(db)) await seedDemo(db)`. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('organization').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Loads data/demo/komoro, saves it in one transaction and indexes it for search; returns what was saved. */
export async function seedDemo(db: Kysely<Database>): Promise<OrganizationDocument> {
  const doc = await loadDataset(demoDatasetDir);
  await saveOrganizationDocument(db, doc, { reason: 'デモデータ (demo seed)' });
  await rebuildSearchIndex(db);
  return doc;
}
