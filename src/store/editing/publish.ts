/**
 * publish: applies drafts to the public tables in one transaction. Each draft is checked against the
 * published version it was made from, so a row changed since (by an import, say) is a conflict, not lost.
 * Parents are written before children and children deleted before parents, whatever order the ids came in.
 */
import type { Kysely } from 'kysely';
import { type Actor, can } from '../../domain/editing/permissions.ts';
import type { EditingEntity, EditingRecords } from '../../domain/editing/records.ts';
import type { Database } from '../schema.ts';
import { reindexPlan } from '../search/reindex.ts';
import type { DraftChange, PublishOutcome, Result, RevisionInput } from './contract.ts';
import { draftFromRow } from './draft-rows.ts';
import { readPublished } from './published-records.ts';
import { dependentIssues, nodePath, ownerOf } from './record-context.ts';
import { deleteRecord, writeRecord } from './record-writes.ts';
import { EditingRejection, forbidden, invalid, loadActor } from './rejection.ts';
import { appendRevisions } from './revisions.ts';
import { withEditingTables } from './tables.ts';

type Trx = Kysely<Database>;

const entityRank: Record<EditingEntity, number> = {
  plan: 0,
  node: 1,
  indicator: 2,
  indicatorValue: 3,
  achievement: 4,
  evaluation: 5,
  programSheet: 6,
  source: 7,
};

async function loadDrafts(trx: Trx, ids: string[]): Promise<DraftChange[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await withEditingTables(trx)
    .selectFrom('draft_change')
    .selectAll()
    .where('id', 'in', unique)
    .execute();
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) throw new EditingRejection({ code: 'not_found', entity: 'draft', id: missing });
  return rows.map(draftFromRow);
}

/** Writes first (parents before children, nodes by depth), then deletes (the reverse). */
async function ordered(trx: Trx, drafts: DraftChange[]): Promise<DraftChange[]> {
  const depth = new Map<string, number>();
  for (const d of drafts) {
    if (d.entity === 'node')
      depth.set(d.id, (await nodePath(trx, (d.data as EditingRecords['node']).parentId)).length);
  }
  const key = (d: DraftChange) => entityRank[d.entity] * 1000 + (depth.get(d.id) ?? 0);
  const writes = drafts.filter((d) => d.action !== 'delete').sort((a, b) => key(a) - key(b));
  const deletes = drafts.filter((d) => d.action === 'delete').sort((a, b) => key(b) - key(a));
  return [...writes, ...deletes];
}

async function checkDraft(trx: Trx, actor: Actor, draft: DraftChange) {
  const published = await readPublished(trx, draft.entity, draft.entityId);
  for (const record of [draft.data, published?.record]) {
    if (record && !can(actor, 'publish', await ownerOf(trx, draft.entity, record)))
      throw new EditingRejection(
        forbidden('この項目を公開する権限がありません (you may not publish this item)'),
      );
  }
  if ((published?.version ?? null) !== draft.baseVersion) {
    throw new EditingRejection({
      code: 'conflict',
      current: {
        entity: draft.entity,
        id: draft.entityId,
        version: published?.version ?? 0,
        data: published?.record ?? null,
      },
      submitted: {
        entity: draft.entity,
        id: draft.entityId,
        version: draft.baseVersion ?? 0,
        data: draft.action === 'delete' ? null : draft.data,
      },
    });
  }
  return published;
}

async function apply(
  trx: Trx,
  actor: Actor,
  draftIds: string[],
  reason: string | null,
): Promise<PublishOutcome> {
  const drafts = await ordered(trx, await loadDrafts(trx, draftIds));
  const stamp = new Date().toISOString();
  const outcome: PublishOutcome = { published: [] };
  const revisions: RevisionInput[] = [];
  for (const draft of drafts) {
    const published = await checkDraft(trx, actor, draft);
    let version = 0;
    if (draft.action === 'delete') {
      const issues = await dependentIssues(trx, draft.entity, draft.entityId, async () => []);
      if (issues.length > 0) throw new EditingRejection(invalid(issues));
      await deleteRecord(trx, draft.entity, draft.entityId);
    } else {
      version = await writeRecord(trx, draft.entity, draft.data, published !== undefined, stamp);
    }
    outcome.published.push({ entity: draft.entity, id: draft.entityId, action: draft.action, version });
    revisions.push({
      entity: draft.entity,
      entityId: draft.entityId,
      planId: draft.planId,
      action: 'publish',
      actor: actor.login,
      reason,
      before: published?.record ?? null,
      after: draft.action === 'delete' ? null : draft.data,
      published: true,
    });
  }
  await appendRevisions(trx, revisions);
  // The search index and page caches follow the public tables, in the same transaction.
  for (const planId of new Set(drafts.map((d) => d.planId))) await reindexPlan(trx, planId);
  if (drafts.length > 0)
    await withEditingTables(trx)
      .deleteFrom('draft_change')
      .where(
        'id',
        'in',
        drafts.map((d) => d.id),
      )
      .execute();
  return outcome;
}

/** Publishes the drafts all or nothing: `await publish(db, admin, [draft.id], '議会で承認')`. */
export async function publish(
  db: Kysely<Database>,
  actorRef: Actor,
  draftIds: string[],
  reason?: string,
): Promise<Result<PublishOutcome>> {
  return EditingRejection.catch(() =>
    db
      .transaction()
      .execute(async (trx) => apply(trx, await loadActor(trx, actorRef), draftIds, reason ?? null)),
  );
}

/** Drops a draft unpublished, checking its version and the user's right to edit the item. */
export async function discardDraft(
  db: Kysely<Database>,
  actorRef: Actor,
  draftId: string,
  version: number,
): Promise<Result<void>> {
  return EditingRejection.catch(() =>
    db.transaction().execute(async (trx) => {
      const actor = await loadActor(trx, actorRef);
      const [draft] = await loadDrafts(trx, [draftId]);
      if (!draft) throw new EditingRejection({ code: 'not_found', entity: 'draft', id: draftId });
      if (!can(actor, draft.action, await ownerOf(trx, draft.entity, draft.data)))
        throw new EditingRejection(
          forbidden('この下書きを取り消す権限がありません (you may not discard this draft)'),
        );
      if (draft.version !== version) {
        const current = {
          entity: draft.entity,
          id: draft.entityId,
          version: draft.version,
          data: draft.data,
        };
        throw new EditingRejection({ code: 'conflict', current, submitted: { ...current, version } });
      }
      await withEditingTables(trx).deleteFrom('draft_change').where('id', '=', draftId).execute();
    }),
  );
}
