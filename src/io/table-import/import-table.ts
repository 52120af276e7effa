/**
 * Imports one staff table (CSV or XLSX) into the store: a dry run lists what each row would create, update or
 * why it is rejected; a real run writes everything or nothing in one transaction, records the import in the history
 * (see src/store/table-import/import-revisions.ts), and reindexes the plans touched (which bumps the data generation page caches key on).
 */
import type { Kysely } from 'kysely';
import { type OnProgress, progressCounter } from '../../domain/progress.ts';
import type { Database } from '../../store/schema.ts';
import { storedDocumentIds, writeTableImport } from '../../store/table-import/index.ts';
import { readTableFile, type TableLimits, type TableReadResult } from '../tables/index.ts';
import type { ImportContext } from './import-context.ts';
import {
  countImport,
  type ImportRowPlan,
  type TableImportOutcome,
  type TableImportReport,
} from './import-report.ts';
import { planIndicators } from './plan-indicators.ts';
import { planNodes } from './plan-nodes.ts';
import { planObservations } from './plan-observations.ts';
import type { RecordChange } from './record-change.ts';

export interface TableImportOptions {
  /** The file's name: errors name it, and `.xlsx` tells a workbook from a CSV. */
  file: string;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  /** Refuse rows of any other plan. */
  planId?: string;
  /** Read only this sheet of a workbook. */
  sheet?: string;
  /** Who imports, as the history records it (a login; "cli" from the command line). */
  actor?: string;
  limits?: Partial<TableLimits>;
  /** The clock, for tests. */
  now?: () => Date;
  /** Told how many rows are checked, then written. */
  onProgress?: OnProgress;
}

type ReadOk = Extract<TableReadResult, { ok: true }>;

function planChanges(db: Kysely<Database>, read: ReadOk, ctx: ImportContext): Promise<RecordChange[]> {
  if (read.kind === 'nodes') return planNodes(db, read.rows, ctx);
  if (read.kind === 'indicators') return planIndicators(db, read.rows, ctx);
  return planObservations(db, read.rows, ctx);
}

const byPlace = (a: ImportRowPlan, b: ImportRowPlan) =>
  (a.sheet === b.sheet ? 0 : (a.sheet ?? '').localeCompare(b.sheet ?? '')) || a.row - b.row;

function rowPlan(c: RecordChange): ImportRowPlan {
  const row: ImportRowPlan = {
    file: c.place.file,
    row: c.place.row,
    entity: c.entity,
    id: c.id,
    planId: c.planId,
    action: c.action,
    changedFields: c.changedFields,
  };
  if (c.place.sheet !== undefined) row.sheet = c.place.sheet;
  return row;
}

// Planners keep file order, so the sort is usually not needed; checking is one cheap pass.
const inPlaceOrder = (rows: readonly ImportRowPlan[]) =>
  rows.every((row, n) => n === 0 || byPlace(rows[n - 1]!, row) <= 0);

function reportOf(
  read: ReadOk | null,
  file: string,
  changes: RecordChange[],
  ctx: ImportContext,
): TableImportReport {
  const rows = changes.map(rowPlan);
  if (!inPlaceOrder(rows)) rows.sort(byPlace);
  return {
    file,
    kind: read?.kind ?? null,
    encoding: read?.encoding ?? null,
    layout: read?.layout ?? null,
    rows,
    errors: ctx.errors,
    counts: countImport(rows, ctx.errors),
  };
}

async function write(
  trx: Kysely<Database>,
  changes: RecordChange[],
  options: TableImportOptions,
  at: string,
) {
  const count = changes.reduce((n, c) => (c.action === 'unchanged' ? n : n + 1), 0);
  if (count === 0) return;
  await writeTableImport(trx, changes, {
    actor: options.actor ?? 'system',
    file: options.file,
    at,
    written: progressCounter(options.onProgress, 'write-rows', count),
  });
}

/** Plans against `db` (the transaction when committing, so nothing changes between check and write). */
async function planRead(db: Kysely<Database>, read: ReadOk, options: TableImportOptions) {
  const ctx: ImportContext = {
    file: options.file,
    planId: options.planId,
    documentIds: await storedDocumentIds(db),
    errors: [],
    checked: progressCounter(options.onProgress, 'check-rows', read.rows.length),
  };
  const changes = await planChanges(db, read, ctx);
  return { changes, report: reportOf(read, options.file, changes, ctx) };
}

/**
 * Reads, checks and (unless `dryRun`) imports one table file, all or nothing.
 * @example await importTableFile(db, bytes, { file: 'indicator-values.csv', dryRun: true }) // { ok: true, committed: false, report }
 */
export async function importTableFile(
  db: Kysely<Database>,
  bytes: Uint8Array,
  options: TableImportOptions,
): Promise<TableImportOutcome> {
  const read = await readTableFile(bytes, {
    file: options.file,
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  if (!read.ok) {
    const ctx: ImportContext = {
      file: options.file,
      planId: options.planId,
      documentIds: new Set(),
      errors: read.errors,
    };
    return { ok: false, committed: false, report: reportOf(null, options.file, [], ctx) };
  }
  if (options.dryRun) {
    const { report } = await planRead(db, read, options);
    return report.errors.length > 0
      ? { ok: false, committed: false, report }
      : { ok: true, committed: false, report };
  }
  const at = (options.now?.() ?? new Date()).toISOString();
  const report = await db.transaction().execute(async (trx) => {
    const planned = await planRead(trx, read, options);
    if (planned.report.errors.length === 0) await write(trx, planned.changes, options, at);
    return planned.report;
  });
  return report.errors.length > 0
    ? { ok: false, committed: false, report }
    : { ok: true, committed: true, report };
}
