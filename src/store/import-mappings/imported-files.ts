/**
 * The store's side of importing a table in the published shape: what the target plan holds (its tree, indicators and
 * the organization's documents), and registering the uploaded file as a source document of its own.
 */
import type { Kysely } from 'kysely';
import type { IndicatorRecord, NodeRecord } from '../../domain/editing/records.ts';
import { indicatorRecordFromRow } from '../records/indicator-rows.ts';
import { nodeFromRow, selectNodesWithSources } from '../records/node-rows.ts';
import type { Database } from '../schema.ts';
import { toNumber } from '../values.ts';
import { withImportTables } from './tables.ts';

export interface PlanForImport {
  organizationId: string;
  nodes: NodeRecord[];
  indicators: IndicatorRecord[];
  documents: { id: string; title: string }[];
  /** Ids in use anywhere that start with the plan's id and a dot: generated ids must avoid them. */
  takenIds: Set<string>;
}

/** What the plan holds, or undefined when there is no such plan. */
export async function storedPlanForImport(
  db: Kysely<Database>,
  planId: string,
): Promise<PlanForImport | undefined> {
  const plan = await db
    .selectFrom('plan')
    .select(['id', 'organization_id'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (plan === undefined) return undefined;
  // '_' in an id is a LIKE wildcard: a few more ids than needed count as taken, which only skips a number.
  const prefix = `${planId}.%`;
  const [nodeRows, indicatorRows, documents, nodeIds, indicatorIds] = await Promise.all([
    selectNodesWithSources(db).where('node.plan_id', '=', planId).execute(),
    db
      .selectFrom('indicator')
      .innerJoin('node', 'node.id', 'indicator.node_id')
      .selectAll('indicator')
      .where('node.plan_id', '=', planId)
      .orderBy('indicator.position')
      .execute(),
    db
      .selectFrom('source_document')
      .select(['id', 'title'])
      .where('organization_id', '=', plan.organization_id)
      .execute(),
    db.selectFrom('node').select('id').where('id', 'like', prefix).execute(),
    db.selectFrom('indicator').select('id').where('id', 'like', prefix).execute(),
  ]);
  return {
    organizationId: plan.organization_id,
    nodes: nodeRows.map(nodeFromRow),
    indicators: indicatorRows.map(indicatorRecordFromRow),
    documents,
    takenIds: new Set([...nodeIds, ...indicatorIds].map((r) => r.id)),
  };
}

export interface ImportedFile {
  documentId: string;
  organizationId: string;
  title: string;
  fileName: string;
  sha256: string;
  byteSize: number;
  /** ISO timestamp of the upload. */
  at: string;
  actor: string;
  note: string;
}

/** Whether a source document with this id is stored. */
export async function documentExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('source_document').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/**
 * Registers the uploaded file as a source document (published on the upload's day) with its name, SHA-256, size,
 * time and uploader, inside the caller's transaction; a file already registered is left as it is.
 * @returns whether a document was created
 */
export async function registerImportedFile(trx: Kysely<Database>, file: ImportedFile): Promise<boolean> {
  if (await documentExists(trx, file.documentId)) return false;
  const last = await trx
    .selectFrom('source_document')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('organization_id', '=', file.organizationId)
    .executeTakeFirst();
  const position = last?.last === null || last?.last === undefined ? 0 : toNumber(last.last) + 1;
  await trx
    .insertInto('source_document')
    .values({
      id: file.documentId,
      organization_id: file.organizationId,
      position,
      title: file.title,
      publisher: null,
      kind: 'upload',
      published_at: file.at.slice(0, 10),
      file: null,
      url: null,
      note: file.note,
      created_at: file.at,
      updated_at: file.at,
    })
    .execute();
  await withImportTables(trx)
    .insertInto('import_file')
    .values({
      document_id: file.documentId,
      file_name: file.fileName,
      sha256: file.sha256,
      byte_size: file.byteSize,
      uploaded_at: file.at,
      uploaded_by: file.actor,
    })
    .execute();
  return true;
}
