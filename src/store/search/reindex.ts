/**
 * Keeps the search index in step with the public tables. Every write path calls one of these after saving
 * content (in the same transaction when it has one), which also bumps the data generation for page caches.
 */
import { type Kysely, sql } from 'kysely';
import type { DatasetRows } from '../dataset-rows.ts';
import { bulkInsert, capabilitiesOf, portableMaxParameters } from '../db.ts';
import type { Database } from '../schema.ts';
import { bumpDataGeneration } from './data-generation.ts';
import { type SearchEntryRow, searchEntries, searchEntriesFromRows } from './search-entries.ts';
import { searchTables } from './search-tables.ts';

const columnsPerRow = 8;
const rowsPerInsert = Math.min(500, Math.floor(portableMaxParameters / columnsPerRow));

function inTransaction(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<void>): Promise<void> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function insertEntries(db: Kysely<Database>, rows: SearchEntryRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    await searchTables(db)
      .insertInto('search_entry')
      .values(rows.slice(start, start + rowsPerInsert))
      .execute();
  }
}

/** Replaces the index rows of one plan (all plans when `planId` is undefined). */
async function replaceEntries(db: Kysely<Database>, planId: string | undefined): Promise<void> {
  const fts = capabilitiesOf(db).textSearch === 'fts5_trigram';
  const onlyPlan = planId === undefined ? sql`` : sql`where plan_id = ${planId}`;
  if (fts) {
    await sql`delete from search_fts where entry_id in (select id from search_entry ${onlyPlan})`.execute(db);
  }
  let remove = searchTables(db).deleteFrom('search_entry');
  if (planId !== undefined) remove = remove.where('plan_id', '=', planId);
  await remove.execute();
  await insertEntries(db, await searchEntries(db, planId));
  if (fts) {
    await sql`insert into search_fts (entry_id, title, body)
      select id, title, body from search_entry ${onlyPlan}`.execute(db);
  }
}

/** Rebuilds the whole index and bumps the data generation, e.g. after `saveOrganizationDocument`. */
export function rebuildSearchIndex(db: Kysely<Database>): Promise<void> {
  return inTransaction(db, async (trx) => {
    await replaceEntries(trx, undefined);
    await bumpDataGeneration(trx);
  });
}

/**
 * Re-reads one plan into the index (removing it when the plan is gone) and bumps the data generation.
 *
 * @example await reindexPlan(trx, 'mirai-2016') // after editing a node of that plan
 */
export function reindexPlan(db: Kysely<Database>, planId: string): Promise<void> {
  return inTransaction(db, async (trx) => {
    await replaceEntries(trx, planId);
    // Page caches drop this organization's pages only; a plan gone names none, so they drop everything.
    const plan = await trx
      .selectFrom('plan')
      .select('organization_id')
      .where('id', '=', planId)
      .executeTakeFirst();
    await bumpDataGeneration(trx, plan?.organization_id ?? null);
  });
}

const entryColumns = [
  'id',
  'type',
  'record_id',
  'plan_id',
  'node_id',
  'position',
  'title',
  'body',
] as const satisfies readonly (keyof SearchEntryRow)[];

/**
 * Indexes plans just written whole from the rows written (no read-back), replacing any entries they had, and bumps
 * the data generation for their organization: what `reindexPlan` does for each, in one pass and one bulk insert.
 * @example await indexWrittenPlans(trx, rows) // after writing `rows` (datasetRows of new plans) in `trx`
 */
export function indexWrittenPlans(db: Kysely<Database>, rows: DatasetRows): Promise<void> {
  return inTransaction(db, async (trx) => {
    const planIds = rows.plan.map((p) => p.id);
    if (planIds.length === 0) return;
    const fts = capabilitiesOf(trx).textSearch === 'fts5_trigram';
    const ofPlans = sql`where plan_id in (${sql.join(planIds)})`;
    if (fts)
      await sql`delete from search_fts where entry_id in (select id from search_entry ${ofPlans})`.execute(
        trx,
      );
    await searchTables(trx).deleteFrom('search_entry').where('plan_id', 'in', planIds).execute();
    const entries = searchEntriesFromRows(rows);
    const values: unknown[] = [];
    for (const entry of entries) for (const column of entryColumns) values.push(entry[column] ?? null);
    await bulkInsert(trx, 'search_entry', entryColumns, values);
    if (fts)
      await sql`insert into search_fts (entry_id, title, body) select id, title, body from search_entry ${ofPlans}`.execute(
        trx,
      );
    const organizations = new Set(rows.plan.map((p) => p.organization_id));
    for (const organizationId of organizations) await bumpDataGeneration(trx, organizationId);
  });
}
