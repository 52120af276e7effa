/** draft_change rows as DraftChanges. */
import type { Kysely, Selectable } from 'kysely';
import type { EditingEntity, EditingRecord } from '../../domain/editing/records.ts';
import type { Database } from '../schema.ts';
import { nullableNumber, toNumber } from '../values.ts';
import type { DraftChange } from './contract.ts';
import { type DraftChangeTable, withEditingTables } from './tables.ts';

export function draftFromRow(row: Selectable<DraftChangeTable>): DraftChange {
  return {
    id: row.id,
    entity: row.entity as EditingEntity,
    entityId: row.entity_id,
    action: row.action,
    data: JSON.parse(row.data) as EditingRecord,
    baseVersion: nullableNumber(row.base_version),
    planId: row.plan_id,
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: toNumber(row.version),
  };
}

export async function findDraft(
  db: Kysely<Database>,
  entity: EditingEntity,
  id: string,
): Promise<DraftChange | undefined> {
  const row = await withEditingTables(db)
    .selectFrom('draft_change')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .executeTakeFirst();
  return row && draftFromRow(row);
}

/** Pending changes, oldest first; only one plan's when planId is given. */
export async function listDrafts(db: Kysely<Database>, planId?: string): Promise<DraftChange[]> {
  let query = withEditingTables(db)
    .selectFrom('draft_change')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id');
  if (planId !== undefined) query = query.where('plan_id', '=', planId);
  return (await query.execute()).map(draftFromRow);
}
