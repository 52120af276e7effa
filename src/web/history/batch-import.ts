/**
 * A large table import's single revision per plan (src/store/table-import/import-revisions.ts), read for the public
 * history page: its `after` holds every record as columns, megabytes that the field-by-field view would print whole.
 */
import { type ColumnarRecords, decodeColumn, expandColumns } from '../../domain/editing/columnar-records.ts';
import type { Revision } from '../../store/editing/contract.ts';
import type { BatchImportSummary } from '../../store/table-import/index.ts';

export type { BatchImportSummary };

/** The records a batched import holds, in the order the page shows them. */
export const batchImportEntities = ['indicatorValue', 'node', 'indicator'] as const;
export type BatchImportEntity = (typeof batchImportEntities)[number];

/** The fields a reader recognises a record by, for each entity's preview table. */
export const previewFields: Record<BatchImportEntity, readonly string[]> = {
  indicatorValue: ['id', 'indicatorId', 'date', 'value', 'text'],
  node: ['id', 'title'],
  indicator: ['id', 'name'],
};

/** How many records of each entity the page lists before saying how many more there are. */
export const previewLimit = 20;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a revision is a batched import, told by its shape (a per-record import is a plain record).
 * @example isBatchImport({ action: 'import', before: null, after: { counts, created, file: 'obs.csv', updated } }) // true
 */
export function isBatchImport(
  revision: Pick<Revision, 'action' | 'before' | 'after'>,
): revision is Pick<Revision, 'action' | 'before'> & { after: BatchImportSummary } {
  const { action, before, after } = revision;
  return (
    action === 'import' &&
    before === null &&
    isObject(after) &&
    isObject(after.counts) &&
    typeof after.file === 'string' &&
    isObject(after.created)
  );
}

/**
 * The first `limit` records with only the named fields, decoding just those columns: a 100,000-record import
 * expanded whole would build every record for a page that shows twenty.
 * @example previewRecords(columns, ['id', 'value'], 2) // [{ id: 'a', value: 1 }, { id: 'b', value: 2 }]
 */
export function previewRecords(
  records: ColumnarRecords,
  fields: readonly string[],
  limit = previewLimit,
): Record<string, unknown>[] {
  const count = Math.min(limit, records.count);
  const columns: ColumnarRecords['columns'] = {};
  for (const field of fields) {
    const column = records.columns[field];
    if (column) columns[field] = { values: decodeColumn(column, records.count).slice(0, count) };
  }
  return expandColumns({ columns, count });
}
