/**
 * Imports one staff table (CSV or XLSX) into the store: a dry run lists what each row would create, update or
 * why it is rejected; a real run writes everything or nothing in one transaction, records the import in the history
 * (see src/store/table-import/import-revisions.ts), and reindexes the plans touched (which bumps the data generation page caches key on).
 */
import type { Kysely } from 'kysely';
import { type OnProgress, progressCounter } from '../../domain/progress.ts';
import type { Database } from '../../store/schema.ts';
import {
  storedDocumentIds,
  storedViewpointLabels,
  writeTableImport,
} from '../../store/table-import/index.ts';
import {
  type PartialRead,
  readAnyTableFile,
  type TableLimits,
  type TableReadResult,
} from '../tables/index.ts';
import type { ColumnMapping } from '../tables/published-mapping.ts';
import { citationErrors } from './citation-check.ts';
import { type ImportContext, organizationScope } from './import-context.ts';
import {
  countImport,
  type ImportRowPlan,
  type TableImportOutcome,
  type TableImportReport,
  unconfirmedWarnings,
} from './import-report.ts';
import { confirmedLines, draftAuthor } from './import-review-steps.ts';
import { planAchievements } from './plan-achievements.ts';
import { planEvaluations } from './plan-evaluations.ts';
import { planIndicators } from './plan-indicators.ts';
import { planNodes } from './plan-nodes.ts';
import { planObservations } from './plan-observations.ts';
import { planProgramSheets } from './plan-program-sheets.ts';
import { type ImportWarning, importWarnings, type WarningConfirmation } from './plausibility-check.ts';
import { importPublishedTable } from './published-import.ts';
import type { RecordChange } from './record-change.ts';
import { byPlace, rowPlan } from './row-plan.ts';

export interface TableImportOptions {
  /** The file's name: errors name it, and `.xlsx` tells a workbook from a CSV. */
  file: string;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  /** Refuse rows of any other plan. */
  planId?: string;
  /** Refuse rows of any other organization's plans (the importing staff account's organization). */
  organizationId?: string;
  /** Read only this sheet of a workbook. */
  sheet?: string;
  /** Who imports, as the history records it (a login; "cli" from the command line). */
  actor?: string;
  limits?: Partial<TableLimits>;
  /** The clock, for tests. */
  now?: () => Date;
  /** Told how many rows are checked, then written. */
  onProgress?: OnProgress;
  /** A table in the published shape: staff's column mapping and year-kind answer. */
  mapping?: ColumnMapping;
  /** A table in the published shape without a plan-tree column: the node (id, code or title) its rows go under. */
  node?: string;
  /**
   * Publish at once. By default an import lands as drafts of the importing staff account (`actor`), to review and
   * publish on the publish page.
   */
  publish?: boolean;
  /** Plausibility warnings staff confirmed: 'all', or their ids. A real import refuses while any is unconfirmed. */
  confirmWarnings?: WarningConfirmation;
}

type ReadOk = Extract<TableReadResult, { ok: true }>;

function planChanges(db: Kysely<Database>, read: PartialRead, ctx: ImportContext): Promise<RecordChange[]> {
  if (read.kind === 'nodes') return planNodes(db, read.rows, ctx);
  if (read.kind === 'indicators') return planIndicators(db, read.rows, ctx);
  if (read.kind === 'achievements') return planAchievements(db, read.rows, ctx);
  if (read.kind === 'programSheets') return planProgramSheets(db, read.rows, ctx);
  if (read.kind === 'evaluations') return planEvaluations(db, read.rows, ctx);
  return planObservations(db, read.rows, ctx);
}

// Planners keep file order, so the sort is usually not needed; checking is one cheap pass.
const inPlaceOrder = (rows: readonly ImportRowPlan[]) =>
  rows.every((row, n) => n === 0 || byPlace(rows[n - 1]!, row) <= 0);

function reportOf(
  read: ReadOk | null,
  options: TableImportOptions,
  changes: RecordChange[],
  ctx: ImportContext,
  warnings: ImportWarning[] = [],
): TableImportReport {
  const rows = changes.map(rowPlan);
  if (!inPlaceOrder(rows)) rows.sort(byPlace);
  return {
    file: options.file,
    kind: read?.kind ?? null,
    encoding: read?.encoding ?? null,
    layout: read?.layout ?? null,
    rows,
    errors: ctx.errors,
    warnings,
    counts: countImport(rows, ctx.errors),
    publish: options.publish === true,
  };
}

async function write(
  trx: Kysely<Database>,
  changes: RecordChange[],
  options: TableImportOptions,
  at: string,
  extra: { draftAuthorId: string | undefined; warnings: readonly ImportWarning[] },
) {
  const count = changes.reduce((n, c) => (c.action === 'unchanged' ? n : n + 1), 0);
  if (count === 0) return;
  await writeTableImport(trx, changes, {
    actor: options.actor ?? 'system',
    file: options.file,
    at,
    written: progressCounter(options.onProgress, 'write-rows', count),
    confirmedWarnings: confirmedLines(extra.warnings),
    ...(extra.draftAuthorId === undefined ? {} : { draftAuthorId: extra.draftAuthorId }),
  });
}

/** Plans against `db` (the transaction when committing, so nothing changes between check and write). */
async function planRead(db: Kysely<Database>, read: ReadOk, options: TableImportOptions) {
  const ctx: ImportContext = {
    file: options.file,
    planId: options.planId,
    documentIds: await storedDocumentIds(db),
    ...(await organizationScope(db, options.organizationId)),
    errors: [],
    checked: progressCounter(options.onProgress, 'check-rows', read.rows.length),
  };
  const changes = await planChanges(db, read, ctx);
  ctx.errors.push(...(await citationErrors(db, changes)));
  const warnings =
    ctx.errors.length > 0
      ? []
      : await importWarnings(db, changes, options.confirmWarnings, ctx.storedIndicators);
  return { changes, report: reportOf(read, options, changes, ctx, warnings) };
}

/**
 * A file refused for some rows: the rows that were read well are still checked against the store (unknown ids,
 * missing documents), so the first run lists every problem of every row. Nothing is written.
 */
async function refusedRead(
  db: Kysely<Database>,
  read: Extract<TableReadResult, { ok: false }>,
  options: TableImportOptions,
): Promise<TableImportOutcome> {
  const ctx: ImportContext = {
    file: options.file,
    planId: options.planId,
    documentIds: read.partial ? await storedDocumentIds(db) : new Set(),
    ...(await organizationScope(db, options.organizationId)),
    errors: [...read.errors],
  };
  if (read.partial) {
    await planChanges(db, read.partial, ctx);
    ctx.errors.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
  }
  return { ok: false, committed: false, report: reportOf(null, options, [], ctx) };
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
  const read = await readAnyTableFile(bytes, {
    file: options.file,
    viewpointLabels: await storedViewpointLabels(db, options.planId),
    ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  if (read.ok && read.kind === 'published') return importPublishedTable(db, bytes, read, options);
  if (!read.ok) return refusedRead(db, read, options);
  if (options.dryRun) {
    const { report } = await planRead(db, read, options);
    return report.errors.length > 0
      ? { ok: false, committed: false, report }
      : { ok: true, committed: false, report };
  }
  const at = (options.now?.() ?? new Date()).toISOString();
  const report = await db.transaction().execute(async (trx) => {
    const planned = await planRead(trx, read, options);
    const author = await draftAuthor(trx, options);
    if (!author.ok) planned.report.errors.push(author.error);
    if (planned.report.errors.length > 0 || unconfirmedWarnings(planned.report).length > 0)
      return planned.report;
    await write(trx, planned.changes, options, at, {
      draftAuthorId: author.ok ? author.id : undefined,
      warnings: planned.report.warnings,
    });
    return planned.report;
  });
  return report.errors.length > 0 || unconfirmedWarnings(report).length > 0
    ? { ok: false, committed: false, report }
    : { ok: true, committed: true, report };
}
