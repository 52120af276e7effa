/**
 * A JSON interchange document merged into a database that already holds data, by id. The document is first saved
 * (its rows only, no history) into a scratch in-memory database, so its records are read back exactly as the store
 * reads its own; each is then compared with what is stored: created, updated (naming the fields), or left alone.
 * Nothing is ever deleted: stored records the file does not mention stay as they are.
 */
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import { comparable } from '../../domain/editing/log-replay.ts';
import type { EditingEntity, EditingRecord } from '../../domain/editing/records.ts';
import type { Organization, OrganizationDocument, Plan, SourceDocument } from '../../domain/model.ts';
import { datasetRows } from '../dataset-rows.ts';
import { openDatabase, openSqliteImage, sqliteImage } from '../db.ts';
import { readPlanRecords } from '../editing/published-records.ts';
import { migrateToLatest } from '../migrate.ts';
import { documentFromRow, organizationFromRow } from '../records/document-rows.ts';
import { insertDataset } from '../save-dataset.ts';
import type { Database } from '../schema.ts';

export type MergeEntity = 'organization' | 'document' | Exclude<EditingEntity, 'source'>;
export type MergeAction = 'create' | 'update' | 'unchanged';

export interface MergeChange {
  entity: MergeEntity;
  id: string;
  /** The plan it belongs to; null for the organization and documents. */
  planId: string | null;
  action: MergeAction;
  changedFields: string[];
  /** Records of a new plan carry neither (null): the plan is written whole from the document. */
  before: unknown;
  after: unknown;
}

export interface MergePlan {
  organizationId: string;
  /** Plans the database does not hold yet: written whole, statements and reported figures included. */
  newPlans: string[];
  changes: MergeChange[];
  /** Stored records of the merged plans that the file does not mention: left alone. */
  notInFile: number;
}

const plannedEntities = ['plan', 'node', 'indicator', 'indicatorValue', 'achievement', 'evaluation'] as const;

function fieldsThatDiffer(before: object, after: object): string[] {
  const b = comparable(before) as Record<string, unknown>;
  const a = comparable(after) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((key) => canonicalJson(a[key] ?? null) !== canonicalJson(b[key] ?? null));
}

function changeOf(
  entity: MergeEntity,
  id: string,
  planId: string | null,
  before: object | undefined,
  after: object,
): MergeChange {
  if (before === undefined)
    return { entity, id, planId, action: 'create', changedFields: [], before: null, after };
  const changedFields = fieldsThatDiffer(before, after);
  return {
    entity,
    id,
    planId,
    action: changedFields.length > 0 ? 'update' : 'unchanged',
    changedFields,
    before,
    after,
  };
}

async function storedOrganization(db: Kysely<Database>, id: string): Promise<Organization | undefined> {
  const row = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  return row && organizationFromRow(row);
}

async function storedDocuments(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, SourceDocument & { organizationId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('source_document').selectAll().where('id', 'in', ids).execute();
  return new Map(
    rows.map((row) => [row.id, { ...documentFromRow(row), organizationId: row.organization_id }]),
  );
}

/** Every record of one plan by entity and id, as the store reads it. */
async function recordsOf(db: Kysely<Database>, planId: string): Promise<Map<string, EditingRecord>> {
  const records = await readPlanRecords(db, planId);
  const out = new Map<string, EditingRecord>();
  if (records.plan) out.set(`plan/${planId}`, records.plan.record);
  for (const entity of plannedEntities) {
    if (entity === 'plan') continue;
    for (const { record } of records[entity]) out.set(`${entity}/${record.id}`, record);
  }
  return out;
}

let migratedScratch: Promise<Buffer> | undefined;

/** An empty migrated SQLite database's bytes, made once per process: migrating a scratch copy per file cost more than reading it. */
function migratedImage(): Promise<Buffer> {
  migratedScratch ??= (async () => {
    const empty = openDatabase(':memory:');
    try {
      const migrated = await migrateToLatest(empty.db);
      if (!migrated.ok) throw migrated.error;
      return sqliteImage(empty.db);
    } finally {
      await empty.close();
    }
  })();
  // A failed migration is not kept: the next call tries again and reports its own error.
  migratedScratch.catch(() => {
    migratedScratch = undefined;
  });
  return migratedScratch;
}

/**
 * What merging `doc` into `db` would do, writing nothing, e.g.
 * `(await planMerge(db, doc)).changes.filter((c) => c.action === 'update')`.
 */
export async function planMerge(db: Kysely<Database>, doc: OrganizationDocument): Promise<MergePlan> {
  const changes: MergeChange[] = [];
  const org = doc.organization;
  changes.push(changeOf('organization', org.id, null, await storedOrganization(db, org.id), org));
  const documents = await storedDocuments(
    db,
    doc.documents.map((d) => d.id),
  );
  for (const document of doc.documents) {
    const stored = documents.get(document.id);
    changes.push(changeOf('document', document.id, null, stored, { ...document, organizationId: org.id }));
  }
  const storedPlans = new Set(
    (
      await db
        .selectFrom('plan')
        .select('id')
        .where('id', 'in', [...doc.plans.map((p) => p.id), ''])
        .execute()
    ).map((row) => row.id),
  );
  const newPlans = doc.plans.filter((p) => !storedPlans.has(p.id));
  for (const plan of newPlans) changes.push(...createdRecords(doc, plan));
  const merged = doc.plans.filter((p) => storedPlans.has(p.id));
  const notInFile =
    merged.length === 0 ? 0 : await compareStoredPlans(db, { ...doc, plans: merged }, changes);
  return { organizationId: org.id, newPlans: newPlans.map((p) => p.id), changes, notInFile };
}

/**
 * A plan the database does not hold yet: every record is created, and it is written whole from the document, so
 * its changes name the records (ids from the rows it is written as) without reading them back through a scratch
 * database. That read cost more than the import's writes for a national set of thousands of new plans.
 */
function createdRecords(doc: OrganizationDocument, plan: Plan): MergeChange[] {
  const rows = datasetRows({ ...doc, documents: [], plans: [plan] });
  const ids: [MergeEntity, readonly { id: string }[]][] = [
    ['plan', rows.plan],
    ['node', rows.node],
    ['indicator', rows.indicator],
    ['indicatorValue', rows.indicator_value],
    ['achievement', rows.achievement],
    ['evaluation', rows.evaluation],
  ];
  return ids.flatMap(([entity, list]) =>
    list.map(({ id }) => ({
      entity,
      id,
      planId: plan.id,
      action: 'create' as const,
      changedFields: [],
      before: null,
      after: null,
    })),
  );
}

/**
 * Plans already stored, compared record by record: the document's are saved (rows only, no history) into a scratch
 * in-memory database and read back exactly as the store reads its own. Returns how many stored records the
 * document does not mention.
 */
async function compareStoredPlans(
  db: Kysely<Database>,
  doc: OrganizationDocument,
  changes: MergeChange[],
): Promise<number> {
  const scratch = openSqliteImage(await migratedImage());
  try {
    await scratch.db.transaction().execute((trx) => insertDataset(trx, doc));
    let notInFile = 0;
    for (const plan of doc.plans) {
      const incoming = await recordsOf(scratch.db, plan.id);
      const stored = await recordsOf(db, plan.id);
      for (const [key, record] of incoming) {
        const entity = key.slice(0, key.indexOf('/')) as MergeEntity;
        changes.push(changeOf(entity, record.id, plan.id, stored.get(key), record));
      }
      for (const key of stored.keys()) if (!incoming.has(key)) notInFile += 1;
    }
    return notInFile;
  } finally {
    await scratch.close();
  }
}

/** Counts of a merge plan by action, e.g. `{ create: 12, update: 1, unchanged: 1204 }`. */
export function mergeCounts(plan: MergePlan): Record<MergeAction, number> {
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const change of plan.changes) counts[change.action] += 1;
  return counts;
}
