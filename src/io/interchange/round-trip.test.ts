import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import type { OrganizationDocument } from '../../domain/model.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { createReadStore } from '../../store/queries.ts';
import { seedDemo } from '../seed-demo.ts';
import { exportOrganizationDocument, serializeOrganizationDocument } from './export-document.ts';
import { importOrganizationDocument } from './import-document.ts';
import { parseOrganizationDocument } from './parse-document.ts';

async function openMigrated(database: TestDatabase): Promise<DatabaseHandle> {
  const handle = await database.open();
  const migrated = await migrateToLatest(handle.db);
  if (!migrated.ok) throw migrated.error;
  return handle;
}

/**
 * The document without its history head: the importing database starts a chain of its own (same length, other
 * timestamps, so other hashes).
 */
function withoutHead({ historyHead, ...doc }: OrganizationDocument): OrganizationDocument {
  expect(historyHead?.seq).toBeGreaterThan(0);
  return doc;
}

/** Imports the file's text into a fresh database and exports it again. */
async function reimport(database: TestDatabase, text: string): Promise<OrganizationDocument> {
  const parsed = parseOrganizationDocument(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  // One database at a time: Kysely's migrator on PostgreSQL sees another schema's lock table and skips its own.
  const target = await openMigrated(database);
  try {
    const outcome = await importOrganizationDocument(target.db, parsed.doc);
    expect(outcome).toMatchObject({ ok: true, saved: true });
    return await exportOrganizationDocument(createReadStore(target.db));
  } finally {
    await target.close();
  }
}

describe.each(testDatabases)('JSON interchange on $name', (database) => {
  let source: DatabaseHandle | undefined;
  const db = () => {
    if (!source) throw new Error('no database open');
    return source.db;
  };

  beforeEach(async () => {
    source = await openMigrated(database);
  });
  afterEach(async () => {
    await source?.close();
    source = undefined;
  });

  const exportAndClose = async () => {
    const doc = await exportOrganizationDocument(createReadStore(db()));
    await source?.close();
    source = undefined;
    return doc;
  };

  it('export → import into an empty database → export gives the same document', async () => {
    await seedDemo(db());
    const first = await exportAndClose();
    const text = serializeOrganizationDocument(first);
    const second = await reimport(database, text);
    expect(second.historyHead?.seq).toBe(first.historyHead?.seq);
    expect(withoutHead(second)).toStrictEqual(withoutHead(first));
    expect(serializeOrganizationDocument(withoutHead(second))).toBe(
      serializeOrganizationDocument(withoutHead(first)),
    );
  });

  it('round-trips a dataset that uses every field of the model', async () => {
    const sample = sampleDataset();
    expect(await importOrganizationDocument(db(), sample)).toMatchObject({ ok: true, saved: true });
    const first = await exportAndClose();
    expect(first.documents).toStrictEqual(sample.documents);
    const second = await reimport(database, serializeOrganizationDocument(first));
    expect(withoutHead(second)).toStrictEqual(withoutHead(first));
  });

  it('exports every plan of the demo exactly as the dataset files hold it', async () => {
    const demo = await seedDemo(db());
    const doc = await exportOrganizationDocument(createReadStore(db()), 'komoro');
    expect(doc.organization).toStrictEqual(demo.organization);
    expect(doc.documents).toStrictEqual(demo.documents);
    const byId = (plans: OrganizationDocument['plans']) =>
      [...plans].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(doc.plans)).toStrictEqual(byId(demo.plans));
  });

  it('counts what it imports', async () => {
    const outcome = await importOrganizationDocument(db(), sampleDataset());
    expect(outcome).toMatchObject({
      ok: true,
      counts: {
        documents: 2,
        plans: 2,
        nodes: 7,
        indicators: 3,
        achievements: 2,
        evaluations: 6,
        programSheets: 2,
      },
    });
  });

  it('merges into a database that holds data rather than refusing it', async () => {
    const demo = await seedDemo(db());
    const outcome = await importOrganizationDocument(db(), sampleDataset(), { dryRun: true });
    expect(outcome).toMatchObject({ ok: true, saved: false, merge: { counts: { update: 0 } } });
    expect(await createReadStore(db()).listOrganizations()).toStrictEqual([demo.organization]);
  });

  it('writes nothing on a dry run', async () => {
    const outcome = await importOrganizationDocument(db(), sampleDataset(), { dryRun: true });
    expect(outcome).toMatchObject({ ok: true, saved: false });
    expect(await createReadStore(db()).listOrganizations()).toEqual([]);
  });

  it('says which organization it cannot find', async () => {
    await expect(exportOrganizationDocument(createReadStore(db()))).rejects.toThrow(
      /団体を 1 つに決められません/,
    );
    await seedDemo(db());
    await expect(exportOrganizationDocument(createReadStore(db()), 'nagano')).rejects.toThrow(
      'organization not found): nagano',
    );
  });
});
