/**
 * Writes a whole organization's dataset in one transaction: either every row lands or none does.
 * Rows go in multi-row INSERTs sized to the parameter limit both databases accept.
 */
import type { Kysely } from 'kysely';
import type { OrganizationDocument } from '../domain/model.ts';
import { type DatasetRows, datasetRows, insertionOrder } from './dataset-rows.ts';
import { portableMaxParameters } from './db.ts';
import { type ImportRevisionOptions, recordImport } from './editing/import-revisions.ts';
import type { Database } from './schema.ts';

// Very long statements cost more to build than they save in round trips.
const maxRowsPerInsert = 500;

/** Inserts one table's rows in multi-row INSERTs sized to the parameter limit. */
export async function insertTable<T extends keyof Database>(
  trx: Kysely<Database>,
  table: T,
  rows: DatasetRows[T],
) {
  const first = rows[0];
  if (!first) return;
  const perInsert = Math.min(maxRowsPerInsert, Math.floor(portableMaxParameters / Object.keys(first).length));
  for (let start = 0; start < rows.length; start += perInsert) {
    // The generic table type defeats Kysely's inference; DatasetRows already checked each row's shape.
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + perInsert) as never)
      .execute();
  }
}

/**
 * Saves a dataset all or nothing, with one 'import' revision per record in the same transaction,
 * e.g. `await saveOrganizationDocument(db, await loadDataset(dir))`.
 */
export async function saveOrganizationDocument(
  db: Kysely<Database>,
  doc: OrganizationDocument,
  history: ImportRevisionOptions = {},
): Promise<void> {
  const rows = datasetRows(doc);
  await db.transaction().execute(async (trx) => {
    for (const table of insertionOrder) await insertTable(trx, table, rows[table]);
    await recordImport(
      trx,
      doc.plans.map((plan) => plan.id),
      history,
    );
  });
}
