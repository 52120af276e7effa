/**
 * Changing an organization or a source document after it was registered: admins only, against the version the
 * form started from (a later save by someone else is a conflict, nothing written), with an 'update' revision
 * holding both versions. Both are public at once, like their registration; a document's file and text stay as
 * uploaded, and its organization and id cannot change.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/editing/permissions.ts';
import {
  type Organization,
  organizationSchema,
  type SourceDocument,
  sourceDocumentSchema,
} from '../../domain/model.ts';
import { fieldIssues } from '../accounts/user-rows.ts';
import type { RegistryError, RegistryRecord, RegistryUpdate, Result } from '../editing/contract.ts';
import { EditingRejection, invalid } from '../editing/rejection.ts';
import { appendRevision } from '../editing/revisions.ts';
import {
  documentFromRow,
  documentToRow,
  organizationFromRow,
  organizationToRow,
} from '../records/document-rows.ts';
import type { Database } from '../schema.ts';
import { toNumber } from '../values.ts';
import { requireAdmin } from './organizations.ts';

/** What an edit refuses besides the editing store's refusals: a record not found, a stale version. */
class RegistryRefusal extends Error {
  constructor(readonly error: RegistryError) {
    super(error.code);
  }
}

const stale = (version: number) => new RegistryRefusal({ code: 'conflict', version });

/** Runs an edit, turning a refusal into its error value. */
async function registryEdit<T>(command: () => Promise<T>): Promise<Result<T, RegistryError>> {
  try {
    const done = await EditingRejection.catch(command);
    return done.ok ? done : { ok: false, error: done.error as RegistryError };
  } catch (error) {
    if (error instanceof RegistryRefusal) return { ok: false, error: error.error };
    throw error;
  }
}

/** The organization as stored, with the version an edit must quote. */
export async function editableOrganization(
  db: Kysely<Database>,
  id: string,
): Promise<RegistryRecord<Organization> | undefined> {
  const row = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { record: organizationFromRow(row), version: toNumber(row.version), organizationId: row.id };
}

/** The document as stored, with its organization and the version an edit must quote. */
export async function editableDocument(
  db: Kysely<Database>,
  id: string,
): Promise<RegistryRecord<SourceDocument> | undefined> {
  const row = await db.selectFrom('source_document').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      record: documentFromRow(row),
      version: toNumber(row.version),
      organizationId: row.organization_id,
    }
  );
}

/**
 * Saves an organization's new fields, e.g. `await updateOrganization(db, admin, { id: 'oyabe-city', version: 1,
 * record: { name: '小矢部市', … } })`. Its 観点 and 今後の方向性 vocabulary are kept as stored.
 */
export function updateOrganization(
  db: Kysely<Database>,
  actorRef: Actor,
  input: RegistryUpdate,
): Promise<Result<RegistryRecord<Organization>, RegistryError>> {
  return registryEdit(() =>
    db.transaction().execute(async (trx) => {
      const actor = await requireAdmin(trx, actorRef, input.id);
      const stored = await editableOrganization(trx, input.id);
      if (!stored) throw new RegistryRefusal({ code: 'not_found', entity: 'organization', id: input.id });
      const parsed = organizationSchema.safeParse({
        evaluationViewpoints: stored.record.evaluationViewpoints,
        nextStepVocabulary: stored.record.nextStepVocabulary,
        ...(input.record as object),
        id: input.id,
      });
      if (!parsed.success) throw new EditingRejection(invalid(fieldIssues(parsed.error)));
      if (stored.version !== input.version) throw stale(stored.version);
      const stamp = new Date().toISOString();
      const updated = await trx
        .updateTable('organization')
        .set((eb) => ({
          ...organizationToRow(parsed.data),
          updated_at: stamp,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw stale(stored.version);
      await appendRevision(trx, {
        entity: 'organization',
        entityId: input.id,
        planId: null,
        action: 'update',
        actor: actor.login,
        reason: input.reason ?? null,
        before: stored.record,
        after: parsed.data,
        published: true,
      });
      return { record: parsed.data, version: input.version + 1, organizationId: input.id };
    }),
  );
}

/**
 * Saves a document's new title, publisher, date, kind, URL and note, e.g. to give the file an import registered a
 * publisher and the URL it was downloaded from. Its dataset file path is kept as stored.
 */
export function updateDocument(
  db: Kysely<Database>,
  actorRef: Actor,
  input: RegistryUpdate,
): Promise<Result<RegistryRecord<SourceDocument>, RegistryError>> {
  return registryEdit(() =>
    db.transaction().execute(async (trx) => {
      const stored = await editableDocument(trx, input.id);
      if (!stored) throw new RegistryRefusal({ code: 'not_found', entity: 'document', id: input.id });
      // The document's own organization decides, whatever the form says.
      const actor = await requireAdmin(trx, actorRef, stored.organizationId);
      const parsed = sourceDocumentSchema.safeParse({
        ...(input.record as object),
        id: input.id,
        ...(stored.record.file === undefined ? {} : { file: stored.record.file }),
      });
      if (!parsed.success) throw new EditingRejection(invalid(fieldIssues(parsed.error)));
      if (parsed.data.kind === undefined)
        throw new EditingRejection(
          invalid([{ field: 'kind', message: '「種類」は必須です (kind is required)' }]),
        );
      if (stored.version !== input.version) throw stale(stored.version);
      const stamp = new Date().toISOString();
      const row = await trx
        .selectFrom('source_document')
        .select('position')
        .where('id', '=', input.id)
        .executeTakeFirstOrThrow();
      const updated = await trx
        .updateTable('source_document')
        .set((eb) => ({
          ...documentToRow(parsed.data, stored.organizationId, toNumber(row.position)),
          updated_at: stamp,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw stale(stored.version);
      await appendRevision(trx, {
        entity: 'document',
        entityId: input.id,
        planId: null,
        action: 'update',
        actor: actor.login,
        reason: input.reason ?? null,
        before: { ...stored.record, organizationId: stored.organizationId },
        after: { ...parsed.data, organizationId: stored.organizationId },
        published: true,
      });
      return { record: parsed.data, version: input.version + 1, organizationId: stored.organizationId };
    }),
  );
}
