/** The Komoro demo dataset, read from data/demo/komoro and seeded into an empty database on first start. */
import type { Kysely } from 'kysely';
import type { OrganizationDocument } from '../domain/model.ts';
import type { Database } from '../store/schema.ts';
import { seedDocument } from '../store/seed.ts';
import { demoDatasetDir, loadDataset } from './dataset.ts';

/** Loads data/demo/komoro, saves it in one transaction and indexes it for search; returns what was saved. */
export async function seedDemo(db: Kysely<Database>): Promise<OrganizationDocument> {
  const doc = await loadDataset(demoDatasetDir);
  await seedDocument(db, doc, { reason: 'デモデータ (demo seed)' });
  return doc;
}
