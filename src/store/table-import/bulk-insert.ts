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

/**
 * Inserts the rows numbered in `order`, given flat (row after row), in that order, e.g. key order so the primary
 * key's B-tree fills in sequence: `insertFlatRows(trx, 'indicator_value', columns, values, [1, 0])`. An `order`
 * naming some rows inserts only those.
 */
export async function insertFlatRows(
  trx: Kysely<Database>,
  table: keyof EditingDatabase,
  columns: readonly string[],
  values: readonly unknown[],
  order: readonly number[],
): Promise<void> {
  const width = columns.length;
  const sorted: unknown[] = new Array(order.length * width);
  for (let n = 0; n < order.length; n += 1) {
    const from = order[n]! * width;
    for (let c = 0; c < width; c += 1) sorted[n * width + c] = values[from + c];
  }
  await bulkInsert(trx, table, columns, sorted);
}
