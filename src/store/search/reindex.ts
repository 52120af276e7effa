/**
 * Keeps the search index in step with the public tables. Every write path calls one of these after saving
 * content (in the same transaction when it has one), which also bumps the data generation for page caches.
 */
import { type Kysely, sql } from 'kysely';
import { capabilitiesOf, portableMaxParameters } from '../db.ts';
import type { Database } from '../schema.ts';
import { bumpDataGeneration } from './data-generation.ts';
import { type SearchEntryRow, searchEntries } from './search-entries.ts';
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
