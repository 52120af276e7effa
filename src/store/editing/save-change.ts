/**
 * saveChange: one staff edit becomes (or updates) the record's draft, after checking the user, the fields,
 * what the record points to, and the version the editor started from. Nothing public changes here.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Actor, can } from '../../domain/editing/permissions.ts';
import {
  type EditingEntity,
  type EditingRecord,
  type EditingRecords,
  editingEntities,
  recordSchemas,
} from '../../domain/editing/records.ts';
import { fieldIssues } from '../accounts/user-rows.ts';
import type { Database } from '../schema.ts';
import { citationIssues } from './citation-issues.ts';
import type {
  DraftAction,
  DraftChange,
  EditingError,
  Result,
  SaveChangeInput,
  VersionedRecord,
} from './contract.ts';
import { findDraft, listDrafts } from './draft-rows.ts';
import { readPublished } from './published-records.ts';
import { dependentIssues, ownerOf, referenceIssues } from './record-context.ts';
import { EditingRejection, forbidden, invalid, loadActor } from './rejection.ts';
import { appendRevision } from './revisions.ts';
import { withEditingTables } from './tables.ts';

type Trx = Kysely<Database>;

function parseRecord(input: SaveChangeInput): EditingRecord {
  const parsed = recordSchemas[input.entity].safeParse(input.data);
  if (!parsed.success) throw new EditingRejection(invalid(fieldIssues(parsed.error)));
  const record = parsed.data as EditingRecord;
  if (record.id !== input.id)
    throw new EditingRejection(
      invalid([{ field: 'id', message: `ID が一致しません (id does not match): ${record.id}` }]),
    );
  return record;
}

function conflict(
  current: VersionedRecord,
  input: SaveChangeInput,
  record: EditingRecord | null,
): EditingError {
  return {
    code: 'conflict',
    current,
    submitted: { entity: input.entity, id: input.id, version: input.version ?? 0, data: record },
  };
}

async function checkAllowed(
  trx: Trx,
  actor: Actor,
  input: SaveChangeInput,
  records: (EditingRecord | null | undefined)[],
) {
  for (const record of records) {
    if (!record) continue;
    const owner = await ownerOf(trx, input.entity, record);
    if (!can(actor, input.action, owner))
      throw new EditingRejection(
        forbidden('この項目を編集する権限がありません (you may not edit this item)'),
      );
  }
}

/** A signed stage is final, and a signature is only ever written by signing (sign-evaluation.ts). */
function signatureRules(before: EditingRecord | null, record: EditingRecord | null): void {
  if ((before as EditingRecords['evaluation'] | null)?.signedAt)
    throw new EditingRejection(
      forbidden('署名済みの評価は変更・削除できません (a signed evaluation cannot be changed or deleted)'),
    );
  const r = record as EditingRecords['evaluation'] | null;
  if (r && (r.signedBy !== null || r.signedAt !== null))
    throw new EditingRejection(
      invalid([
        {
          field: 'signedBy',
          message: '署名は「署名」の操作でのみ記録されます (a signature is recorded only by signing)',
        },
      ]),
    );
}

/** The staff-visible state now: the draft, else the published row. */
async function currentState(trx: Trx, input: SaveChangeInput) {
  const draft = await findDraft(trx, input.entity, input.id);
  const published = await readPublished(trx, input.entity, input.id);
  const current: VersionedRecord | undefined = draft
    ? {
        entity: input.entity,
        id: input.id,
        version: draft.version,
        data: draft.action === 'delete' ? null : draft.data,
      }
    : published && { entity: input.entity, id: input.id, version: published.version, data: published.record };
  return { draft, published, current, before: draft?.data ?? published?.record ?? null };
}

async function change(trx: Trx, actorRef: Actor, input: SaveChangeInput): Promise<DraftChange> {
  const actor = await loadActor(trx, actorRef);
  if (!editingEntities.includes(input.entity))
    throw new EditingRejection(
      invalid([{ field: 'entity', message: `不明な種類です (unknown entity): ${input.entity}` }]),
    );
  if (input.entity === 'source' && input.action !== 'update')
    throw new EditingRejection(
      invalid([
        {
          field: '',
          message: '出典は記録と一緒に追加・削除します (sources are added and removed with their record)',
        },
      ]),
    );
  const record = input.action === 'delete' ? null : parseRecord(input);
  const { draft, published, current, before } = await currentState(trx, input);
  if (input.action === 'create' && current)
    throw new EditingRejection(
      invalid([{ field: 'id', message: `この ID は使われています (id already in use): ${input.id}` }]),
    );
  if (input.action !== 'create' && !current)
    throw new EditingRejection({ code: 'not_found', entity: input.entity, id: input.id });
  await checkAllowed(trx, actor, input, [before, record]);
  if (input.entity === 'evaluation') signatureRules(before, record);
  if (current && current.version !== input.version)
    throw new EditingRejection(conflict(current, input, record));
  const issues = record
    ? await referenceIssues(trx, input.entity, record)
    : await dependentIssues(trx, input.entity, input.id, async (entity: EditingEntity) =>
        (await listDrafts(trx)).filter((d) => d.entity === entity),
      );
  if (record) issues.push(...(await citationIssues(trx, input.entity, record)));
  if (issues.length > 0) throw new EditingRejection(invalid(issues));

  const data = (record ?? before) as EditingRecord;
  const owner = await ownerOf(trx, input.entity, data);
  const saved = await writeDraft(trx, actor, input, {
    draft,
    publishedVersion: published?.version ?? null,
    data,
    planId: owner.planId,
  });
  await appendRevision(trx, {
    entity: input.entity,
    entityId: input.id,
    planId: owner.planId,
    action: input.action,
    actor: actor.login,
    reason: input.reason ?? null,
    before,
    after: record,
    published: false,
  });
  return saved;
}

async function writeDraft(
  trx: Trx,
  actor: Actor,
  input: SaveChangeInput,
  state: {
    draft: DraftChange | undefined;
    publishedVersion: number | null;
    data: EditingRecord;
    planId: string;
  },
): Promise<DraftChange> {
  const db = withEditingTables(trx);
  const stamp = new Date().toISOString();
  const { draft } = state;
  // Deleting what was never published leaves nothing to publish: the draft goes, and the returned change is not stored.
  if (draft && draft.action === 'create' && input.action === 'delete') {
    await db.deleteFrom('draft_change').where('id', '=', draft.id).execute();
    return { ...draft, action: 'delete', updatedAt: stamp, version: draft.version + 1 };
  }
  const action: DraftAction =
    input.action === 'delete' ? 'delete' : state.publishedVersion === null ? 'create' : 'update';
  if (draft) {
    const updated = await db
      .updateTable('draft_change')
      .set((eb) => ({
        action,
        data: JSON.stringify(state.data),
        plan_id: state.planId,
        updated_at: stamp,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', draft.id)
      .where('version', '=', draft.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new EditingRejection(
        conflict(
          { entity: input.entity, id: input.id, version: draft.version, data: draft.data },
          input,
          state.data,
        ),
      );
    return {
      ...draft,
      action,
      data: state.data,
      planId: state.planId,
      updatedAt: stamp,
      version: draft.version + 1,
    };
  }
  const row = {
    id: randomUUID(),
    entity: input.entity,
    entity_id: input.id,
    action,
    data: JSON.stringify(state.data),
    base_version: state.publishedVersion,
    plan_id: state.planId,
    author_id: actor.id,
    created_at: stamp,
    updated_at: stamp,
    // Past the published version, so an editor still quoting the published version meets a conflict.
    version: (state.publishedVersion ?? 0) + 1,
  };
  await db.insertInto('draft_change').values(row).execute();
  return {
    id: row.id,
    entity: input.entity,
    entityId: input.id,
    action,
    data: state.data,
    baseVersion: state.publishedVersion,
    planId: state.planId,
    authorId: actor.id,
    createdAt: stamp,
    updatedAt: stamp,
    version: row.version,
  };
}

/** Saves one change as a draft, all or nothing: `await saveChange(db, user, { entity: 'node', action: 'update', … })`. */
export async function saveChange(
  db: Kysely<Database>,
  actor: Actor,
  input: SaveChangeInput,
): Promise<Result<DraftChange>> {
  return EditingRejection.catch(() => db.transaction().execute((trx) => change(trx, actor, input)));
}
