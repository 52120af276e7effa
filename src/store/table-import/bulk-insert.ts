/**
 * Inserts for large imports, through the store's bulk-insert capability: building 100,000 rows' worth of Kysely
 * query nodes costs more than the database takes to write them.
 */
import type { Kysely } from 'kysely';
import { bulkInsert } from '../db.ts';
import type { EditingDatabase } from '../editing/tables.ts';
import type { Database } from '../schema.ts';

/**
 * Inserts rows given as value arrays in `columns` order, inside the caller's transaction.
 * @example await insertRows(trx, 'source', ['id', 'document_id'], [['s1', 'komoro-pride-vol5']])
 */
export async function insertRows(
  trx: Kysely<Database>,
  table: keyof EditingDatabase,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  await bulkInsert(trx, table, columns, rows.flat());
}
