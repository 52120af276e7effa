/**
 * Writes a whole organization's dataset in one transaction: either every row lands or none does.
 * Rows go through the store's bulk insert: COPY on PostgreSQL, prepared multi-row statements on SQLite.
 */
import type { Kysely } from 'kysely';
import type { OrganizationDocument } from '../domain/model.ts';
import { type DatasetRows, datasetRows, insertionOrder } from './dataset-rows.ts';
import { bulkInsert, portableMaxParameters } from './db.ts';
import { type ImportRevisionOptions, recordImportOf } from './editing/import-revisions.ts';
import { recordsFromRows } from './editing/records-from-rows.ts';
import type { Database } from './schema.ts';

/**
 * Inserts one table's rows through the store's bulk insert (COPY on PostgreSQL, prepared statements on SQLite).
 * Rows that do not all name the same columns go through Kysely instead, which leaves each one's missing columns to
 * their defaults.
 */
export async function insertTable<T extends keyof Database>(
  trx: Kysely<Database>,
  table: T,
  rows: DatasetRows[T],
) {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const values: unknown[] = [];
  for (const row of rows as readonly Record<string, unknown>[]) {
    if (Object.keys(row).length !== columns.length) return insertByBuilder(trx, table, rows);
    for (const column of columns) {
      if (!(column in row)) return insertByBuilder(trx, table, rows);
      values.push(row[column]);
    }
  }
  await bulkInsert(trx, table, columns, values);
}

// Very long statements cost more to build than they save in round trips.
const maxRowsPerInsert = 500;

async function insertByBuilder<T extends keyof Database>(
  trx: Kysely<Database>,
  table: T,
  rows: DatasetRows[T],
) {
  const perInsert = Math.min(
    maxRowsPerInsert,
    Math.floor(portableMaxParameters / Object.keys(rows[0]!).length),
  );
  for (let start = 0; start < rows.length; start += perInsert) {
    // The generic table type defeats Kysely's inference; DatasetRows already checked each row's shape.
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + perInsert) as never)
      .execute();
  }
}

/** Writes a dataset's rows, parents first, inside the caller's transaction, recording no history; returns them. */
export async function insertDataset(trx: Kysely<Database>, doc: OrganizationDocument): Promise<DatasetRows> {
  const rows = datasetRows(doc);
  for (const table of insertionOrder) await insertTable(trx, table, rows[table]);
  return rows;
}

/**
 * Saves a dataset all or nothing, with its 'import' revisions (recordImport) in the same transaction,
 * e.g. `await saveOrganizationDocument(db, await loadDataset(dir))`.
 */
export async function saveOrganizationDocument(
  db: Kysely<Database>,
  doc: OrganizationDocument,
  history: ImportRevisionOptions = {},
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The history records what was written, built from the rows rather than read back (records-from-rows.ts).
    await recordImportOf(trx, recordsFromRows(await insertDataset(trx, doc)), history);
  });
}
