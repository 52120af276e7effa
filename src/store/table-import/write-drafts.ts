/**
 * Writes an import's changes as drafts instead of to the public tables: each created or updated record becomes
 * (or replaces) its draft, made from the published version it was compared with, so the publish page lists it and
 * publishing it goes through the same checks as any staff edit. Nothing citizens see changes here.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EditingEntity } from '../../domain/editing/records.ts';
import { withEditingTables } from '../editing/tables.ts';
import type { Database } from '../schema.ts';
import { toNumber } from '../values.ts';
import type { ImportChange } from './import-change.ts';

const tableOf = {
  node: 'node',
  indicator: 'indicator',
  indicatorValue: 'indicator_value',
  achievement: 'achievement',
  programSheet: 'program_sheet',
  evaluation: 'evaluation',
} as const;
const versionedEntities = Object.keys(tableOf) as (keyof typeof tableOf)[];
const idsPerQuery = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += idsPerQuery)
    out.push(items.slice(start, start + idsPerQuery));
  return out;
}

/** Published versions of the records the changes update, by entity and id. */
async function publishedVersions(trx: Kysely<Database>, changes: readonly ImportChange[]) {
  const versions = new Map<string, number>();
  for (const entity of versionedEntities) {
    const ids = changes.filter((c) => c.entity === entity && c.action === 'update').map((c) => c.id);
    for (const chunk of chunks(ids)) {
      const rows = await trx
        .selectFrom(tableOf[entity])
        .select(['id', 'version'])
        .where('id', 'in', chunk)
        .execute();
      for (const row of rows) versions.set(`${entity}\t${row.id}`, toNumber(row.version));
    }
  }
  return versions;
}

/** Drafts already pending for the changed records, by entity and id. */
async function pendingDrafts(trx: Kysely<Database>, changes: readonly ImportChange[]) {
  const drafts = new Map<string, { id: string; action: string }>();
  for (const entity of versionedEntities) {
    const ids = changes.filter((c) => c.entity === entity).map((c) => c.id);
    for (const chunk of chunks(ids)) {
      const rows = await withEditingTables(trx)
        .selectFrom('draft_change')
        .select(['id', 'entity_id', 'action'])
        .where('entity', '=', entity satisfies EditingEntity)
        .where('entity_id', 'in', chunk)
        .execute();
      for (const row of rows) drafts.set(`${entity}\t${row.entity_id}`, { id: row.id, action: row.action });
    }
  }
  return drafts;
}

/**
 * Saves each created or updated record of `changes` as a draft by `authorId`; answers how many.
 * @example await writeImportDrafts(trx, changes, { authorId: admin.id, at }) // 3
 */
export async function writeImportDrafts(
  trx: Kysely<Database>,
  changes: readonly ImportChange[],
  options: { authorId: string; at: string },
): Promise<number> {
  const written = changes.filter((c) => c.action !== 'unchanged');
  const [versions, drafts] = await Promise.all([
    publishedVersions(trx, written),
    pendingDrafts(trx, written),
  ]);
  const editing = withEditingTables(trx);
  const inserts = [];
  for (const change of written) {
    const key = `${change.entity}\t${change.id}`;
    const pending = drafts.get(key);
    // A record only a pending draft creates stays a create, however often an import changes it.
    const creates = change.action === 'create' || pending?.action === 'create';
    const baseVersion = creates ? null : (versions.get(key) ?? null);
    const values = {
      action: creates ? ('create' as const) : ('update' as const),
      data: JSON.stringify(change.after),
      base_version: baseVersion,
      plan_id: change.planId,
      author_id: options.authorId,
      updated_at: options.at,
    };
    if (pending === undefined) {
      inserts.push({
        id: randomUUID(),
        entity: change.entity,
        entity_id: change.id,
        created_at: options.at,
        ...values,
      });
    } else {
      await editing
        .updateTable('draft_change')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('id', '=', pending.id)
        .execute();
    }
  }
  for (const chunk of chunks(inserts)) await editing.insertInto('draft_change').values(chunk).execute();
  return written.length;
}

/** The staff account a draft import is saved under, by login; undefined when there is none or it is disabled. */
export async function draftAuthorId(db: Kysely<Database>, login: string): Promise<string | undefined> {
  const row = await withEditingTables(db)
    .selectFrom('user_account')
    .select(['id', 'disabled'])
    .where('login', '=', login)
    .executeTakeFirst();
  return row !== undefined && !toNumber(row.disabled) ? row.id : undefined;
}
