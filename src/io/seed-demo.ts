/** The Komoro demo dataset, read from data/demo/komoro and seeded into an empty database on first start. */
import type { Kysely } from 'kysely';
import type { OrganizationDocument } from '../domain/model.ts';
import type { Database } from '../store/schema.ts';
import { seedDocument } from '../store/seed.ts';
import { demoDatasetDir, loadDataset, otherDemoDatasetDirs } from './dataset.ts';

const reason = 'デモデータ (demo seed)';

/** Loads data/demo/komoro, saves it in one transaction and indexes it for search; returns what was saved. */
export async function seedDemo(db: Kysely<Database>): Promise<OrganizationDocument> {
  const doc = await loadDataset(demoDatasetDir);
  await seedDocument(db, doc, { reason });
  return doc;
}

/**
 * The whole demo a first start serves: Komoro, then each other organization of data/demo (枚方市), each saved in its
 * own transaction. Returns every saved document, Komoro first.
 */
export async function seedFullDemo(db: Kysely<Database>): Promise<OrganizationDocument[]> {
  const docs = [await seedDemo(db)];
  for (const dir of otherDemoDatasetDirs) {
    const doc = await loadDataset(dir);
    await seedDocument(db, doc, { reason });
    docs.push(doc);
  }
  return docs;
}
