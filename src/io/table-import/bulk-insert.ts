/**
 * Multi-row INSERTs for large imports. Kysely compiles one statement per batch size and the statement is then
 * reused with each batch's parameters: building 100,000 rows' worth of query nodes costs more than the database
 * takes to write them. Kysely still writes the SQL, so placeholders suit the dialect ($1 on PostgreSQL, ? on SQLite).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { portableMaxParameters } from '../../store/db.ts';
import { type EditingDatabase, withEditingTables } from '../../store/editing/tables.ts';
import type { Database } from '../../store/schema.ts';

// Longer statements stop paying for themselves in SQLite's parser.
const maxRowsPerInsert = 500;

/**
 * Inserts rows given as value arrays in `columns` order, batched within the portable parameter limit.
 * @example await insertRows(trx, 'source', ['id', 'document_id'], [['s1', 'komoro-pride-vol5']])
 */
export async function insertRows(
  trx: Kysely<Database>,
  table: keyof EditingDatabase,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  const db = withEditingTables(trx);
  const perInsert = Math.max(
    1,
    Math.min(maxRowsPerInsert, Math.floor(portableMaxParameters / columns.length)),
  );
  const statements = new Map<number, string>();
  const template = Object.fromEntries(columns.map((c) => [c, null]));
  for (let start = 0; start < rows.length; start += perInsert) {
    const batch = rows.slice(start, start + perInsert);
    let statement = statements.get(batch.length);
    if (statement === undefined) {
      // The generic table defeats Kysely's row typing; the callers build rows from the table interfaces.
      statement = db
        .insertInto(table)
        .values(batch.map(() => template) as never)
        .compile().sql;
      statements.set(batch.length, statement);
    }
    await db.executeQuery(CompiledQuery.raw(statement, batch.flat()));
  }
}
