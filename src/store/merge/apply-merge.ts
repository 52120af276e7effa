/**
 * Writes a merge plan (merge-plan.ts) in one transaction, all or nothing: the organization and documents by id,
 * new plans whole (as a first import writes them), and the created or updated records of plans already stored,
 * each with a published 'import' revision holding its before and after.
 */
import type { Kysely } from 'kysely';
import type { EditingEntity, EditingRecord, NodeRecord } from '../../domain/editing/records.ts';
import type { Organization, OrganizationDocument, SourceDocument } from '../../domain/model.ts';
import { datasetRows, insertionOrder } from '../dataset-rows.ts';
import type { RevisionInput } from '../editing/contract.ts';
import { recordImportOf } from '../editing/import-revisions.ts';
import { writeRecord } from '../editing/record-writes.ts';
import { recordsFromRows } from '../editing/records-from-rows.ts';
import { appendRevisions } from '../editing/revisions.ts';
import { documentToRow, organizationToRow } from '../records/document-rows.ts';
import { insertTable } from '../save-dataset.ts';
import type { Database } from '../schema.ts';
import { indexWrittenPlans, reindexPlan } from '../search/reindex.ts';
import type { MergeChange, MergePlan } from './merge-plan.ts';

export interface ApplyMergeOptions {
  /** Login recorded in the history; "system" when a command rather than a person merges. */
  actor?: string;
  reason?: string | null;
  /** The imported file's name, kept in the history when the new plans are large (see recordImport). */
  file?: string;
}

const recordOrder: EditingEntity[] = [
  'plan',
  'node',
  'indicator',
  'indicatorValue',
  'achievement',
  'evaluation',
];

/** Nodes with their parents first: depth along parentId among the merged nodes. */
function depthOf(node: NodeRecord, byId: Map<string, NodeRecord>): number {
  let depth = 0;
  const seen = new Set<string>();
  for (let parent = node.parentId; parent !== null && !seen.has(parent); depth += 1) {
    seen.add(parent);
    parent = byId.get(parent)?.parentId ?? null;
  }
  return depth;
}

async function writeOrganization(trx: Kysely<Database>, change: MergeChange, stamp: string) {
  const values = organizationToRow(change.after as Organization);
  if (change.action === 'create')
    await trx
      .insertInto('organization')
      .values({ ...values, created_at: stamp, updated_at: stamp })
      .execute();
  else
    await trx
      .updateTable('organization')
      .set((eb) => ({ ...values, updated_at: stamp, version: eb('version', '+', 1) }))
      .where('id', '=', change.id)
      .execute();
}

async function writeDocument(trx: Kysely<Database>, change: MergeChange, stamp: string) {
  const { organizationId, ...document } = change.after as SourceDocument & { organizationId: string };
  if (change.action === 'create') {
    const last = await trx
      .selectFrom('source_document')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    const position = last?.position == null ? 0 : Number(last.position) + 1;
    await trx
      .insertInto('source_document')
      .values({ ...documentToRow(document, organizationId, position), created_at: stamp, updated_at: stamp })
      .execute();
    return;
  }
  const { position: _position, ...values } = documentToRow(document, organizationId, 0);
  await trx
    .updateTable('source_document')
    .set((eb) => ({ ...values, updated_at: stamp, version: eb('version', '+', 1) }))
    .where('id', '=', change.id)
    .execute();
}

/** The organization before its documents, which refer to it. */
function sharedInOrder(written: MergeChange[]): MergeChange[] {
  return [
    ...written.filter((c) => c.entity === 'organization'),
    ...written.filter((c) => c.entity === 'document'),
  ];
}

/** New plans whole, as a first import writes them, indexed for search; the rows, for their history. */
async function insertNewPlans(
  trx: Kysely<Database>,
  doc: OrganizationDocument,
  newPlans: ReadonlySet<string>,
  stamp: string,
): Promise<ReturnType<typeof datasetRows>> {
  const rows = datasetRows(
    { ...doc, documents: [], plans: doc.plans.filter((p) => newPlans.has(p.id)) },
    stamp,
  );
  for (const table of insertionOrder) {
    if (table === 'organization' || table === 'source_document') continue;
    await insertTable(trx, table, rows[table]);
  }
  await indexWrittenPlans(trx, rows);
  return rows;
}

/** Changes to plans already stored, by entity and nodes below their parents, so every reference exists first. */
function inStoredPlansByDepth(written: MergeChange[], newPlans: ReadonlySet<string>): MergeChange[] {
  const inStoredPlans = written.filter((c) => c.planId !== null && !newPlans.has(c.planId));
  const nodes = new Map(
    inStoredPlans.filter((c) => c.entity === 'node').map((c) => [c.id, c.after as NodeRecord]),
  );
  return inStoredPlans.sort(
    (a, b) =>
      recordOrder.indexOf(a.entity as EditingEntity) - recordOrder.indexOf(b.entity as EditingEntity) ||
      (a.entity === 'node' && b.entity === 'node'
        ? depthOf(a.after as NodeRecord, nodes) - depthOf(b.after as NodeRecord, nodes)
        : 0),
  );
}

/** Writes the plan's changes, e.g. `await applyMerge(db, doc, await planMerge(db, doc), { actor: 'admin' })`. */
export async function applyMerge(
  db: Kysely<Database>,
  doc: OrganizationDocument,
  plan: MergePlan,
  { actor = 'system', reason = null, file }: ApplyMergeOptions = {},
): Promise<void> {
  const stamp = new Date().toISOString();
  const newPlans = new Set(plan.newPlans);
  const written = plan.changes.filter((c) => c.action !== 'unchanged');
  const revision = (c: MergeChange): RevisionInput => ({
    entity: c.entity,
    entityId: c.id,
    planId: c.planId,
    action: 'import',
    actor,
    reason,
    before: c.before,
    after: c.after,
    published: true,
  });
  await db.transaction().execute(async (trx) => {
    // Every write and the search index first, every revision last: the first append locks the one
    // `revision_head` row until commit (revisions.ts), so two organizations merged at once on PostgreSQL
    // overlap their inserts and wait for each other only while appending.
    const shared = sharedInOrder(written);
    for (const change of shared) {
      if (change.entity === 'organization') await writeOrganization(trx, change, stamp);
      else await writeDocument(trx, change, stamp);
    }
    const newPlanRows = newPlans.size > 0 ? await insertNewPlans(trx, doc, newPlans, stamp) : null;
    const ordered = inStoredPlansByDepth(written, newPlans);
    for (const change of ordered) {
      const entity = change.entity as EditingEntity;
      await writeRecord(trx, entity, change.after as EditingRecord, change.action === 'update', stamp);
    }
    const touched = new Set(ordered.map((c) => c.planId as string));
    for (const planId of touched) await reindexPlan(trx, planId);
    await appendRevisions(trx, shared.map(revision));
    if (newPlanRows !== null)
      await recordImportOf(trx, recordsFromRows(newPlanRows), {
        actor,
        reason,
        ...(file === undefined ? {} : { file }),
      });
    await appendRevisions(trx, ordered.map(revision));
  });
}
