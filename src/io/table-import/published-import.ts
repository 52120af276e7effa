/**
 * Imports a KPI table in the shape towns publish it (see published-plan.ts) into a plan: a dry run lists every column
 * with its guess, every question (「H25」: 年 or 年度?), the nodes it would create and each row's values; a real run
 * registers the file as a source document and writes everything or nothing, like every table import.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type OnProgress, progressCounter } from '../../domain/progress.ts';
import {
  type ImportedFile,
  registerImportedFile,
  storedPlanForImport,
} from '../../store/import-mappings/index.ts';
import type { Database } from '../../store/schema.ts';
import { writeTableImport } from '../../store/table-import/index.ts';
import type { PublishedRead, TableRowError } from '../tables/index.ts';
import { describePublishedKpi } from '../tables/published-kpi-report.ts';
import { type ColumnMapping, emptyMapping, targetOf } from '../tables/published-mapping.ts';
import { fileError } from '../tables/table-error.ts';
import { type ImportContext, organizationScope } from './import-context.ts';
import {
  countImport,
  type TableImportOutcome,
  type TableImportReport,
  unconfirmedWarnings,
} from './import-report.ts';
import { confirmedLines, draftAuthor } from './import-review-steps.ts';
import { importWarnings, type WarningConfirmation } from './plausibility-check.ts';
import { columnLetter, planPublished } from './published-plan.ts';
import type { PublishedColumnGuess, PublishedImportSummary } from './published-summary.ts';
import type { RecordChange } from './record-change.ts';
import { byPlace, rowPlan } from './row-plan.ts';

/** The options of importTableFile (import-table.ts) this import uses. */
export interface PublishedImportOptions {
  file: string;
  dryRun?: boolean;
  planId?: string;
  organizationId?: string;
  actor?: string;
  now?: () => Date;
  onProgress?: OnProgress;
  mapping?: ColumnMapping;
  node?: string;
  /** Publish at once; by default the rows land as drafts of the staff account `actor` names. */
  publish?: boolean;
  /** Plausibility warnings staff confirmed: 'all', or their ids. */
  confirmWarnings?: WarningConfirmation;
}

type PublishedImportReport = TableImportReport & { published: PublishedImportSummary };

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The file's document id: readable and the same for the same bytes, so a second import finds it. */
export const fileDocumentId = (sha256: string) => `file-${sha256.slice(0, 16)}`;

function columnsOf(read: PublishedRead): PublishedColumnGuess[] {
  return read.published.flatMap((grid) => {
    const all = [
      ...grid.table.columns.map((c) => ({ column: c, target: targetOf(c) })),
      ...grid.table.ignored.map((c) => ({ column: c, target: 'ignore' })),
    ].sort((a, b) => a.column.index - b.column.index);
    return all.map(({ column, target }) => ({
      ...(grid.sheet === undefined ? {} : { sheet: grid.sheet }),
      index: column.index,
      letter: columnLetter(column.index),
      header: column.header,
      target,
      ambiguous: column.kind === 'value' && column.year?.kind === 'ambiguous',
    }));
  });
}

interface Planned {
  changes: RecordChange[];
  report: PublishedImportReport;
  file: ImportedFile | null;
}

async function plan(
  db: Kysely<Database>,
  bytes: Uint8Array,
  read: PublishedRead,
  options: PublishedImportOptions,
  at: string,
): Promise<Planned> {
  const sha256 = sha256Of(bytes);
  const documentId = fileDocumentId(sha256);
  const ctx: ImportContext = {
    file: options.file,
    planId: options.planId,
    documentIds: new Set(),
    ...(await organizationScope(db, options.organizationId)),
    errors: [],
    checked: progressCounter(
      options.onProgress,
      'check-rows',
      read.published.reduce((n, g) => n + g.table.rows.length, 0),
    ),
  };
  const notes: TableRowError[] = [];
  for (const grid of read.published) {
    const described = describePublishedKpi(grid.table, grid.header, {
      file: options.file,
      sheet: grid.sheet,
    });
    ctx.errors.push(...described.errors);
    notes.push(...described.notes);
  }
  const columns = columnsOf(read);
  const mapping = options.mapping ?? emptyMapping();
  const summary = (document: PublishedImportSummary['document']): PublishedImportSummary => ({
    columns,
    mapping,
    question: columns.some((c) => c.ambiguous),
    notes,
    document,
  });
  const finish = (changes: RecordChange[], file: ImportedFile | null, created: boolean): Planned => {
    const rows = changes.map(rowPlan).sort(byPlace);
    const document =
      file === null ? null : { id: file.documentId, title: file.title, sha256: file.sha256, created };
    return {
      changes,
      file,
      report: {
        file: options.file,
        kind: null,
        encoding: read.encoding,
        layout: 'wide',
        rows,
        errors: ctx.errors,
        warnings: [],
        counts: countImport(rows, ctx.errors),
        publish: options.publish === true,
        published: summary(document),
      },
    };
  };
  if (options.planId === undefined) {
    ctx.errors.push(
      fileError(
        { file: options.file },
        '取り込み先の計画を指定してください (--plan <計画ID>、画面では計画を選ぶ)',
        'choose the plan to import into (--plan <planId>; on the admin page, the plan select)',
      ),
    );
    return finish([], null, false);
  }
  const target = await storedPlanForImport(db, options.planId);
  const otherOrganization =
    ctx.organizationId !== undefined && ctx.planOrganizations?.get(options.planId) !== ctx.organizationId;
  if (target === undefined || otherOrganization) {
    ctx.errors.push(
      fileError(
        { file: options.file },
        `計画「${options.planId}」がありません`,
        `plan ${options.planId} does not exist`,
      ),
    );
    return finish([], null, false);
  }
  const planned = await planPublished(db, read.published, ctx, {
    plan: target,
    planId: options.planId,
    fileDocumentId: documentId,
    ...(options.node === undefined ? {} : { node: options.node }),
  });
  notes.push(...planned.notes);
  const known = target.documents.some((d) => d.id === documentId);
  const file: ImportedFile | null = planned.citesFile
    ? {
        documentId,
        organizationId: target.organizationId,
        title: options.file,
        fileName: options.file,
        sha256,
        byteSize: bytes.byteLength,
        at,
        actor: options.actor ?? 'system',
        note: `取り込んだファイル「${options.file}」(SHA-256 ${sha256}、${bytes.byteLength} バイト、${at} に ${options.actor ?? 'system'} が取り込み) (imported file ${options.file}, SHA-256 ${sha256}, ${bytes.byteLength} bytes, uploaded ${at} by ${options.actor ?? 'system'})`,
      }
    : null;
  if (file !== null && !known)
    notes.push(
      fileError(
        { file: options.file },
        `ファイル「${options.file}」を出典の資料 ${documentId} として登録します (SHA-256 ${sha256})`,
        `register the file ${options.file} as source document ${documentId} (SHA-256 ${sha256})`,
      ),
    );
  return finish(planned.changes, file, file !== null && !known);
}

/**
 * Reads, checks and (unless `dryRun`) imports a table in the published shape, all or nothing.
 * @example await importPublishedTable(db, bytes, read, { file: 'kpi.csv', planId: 'oyabe', dryRun: true })
 */
export async function importPublishedTable(
  db: Kysely<Database>,
  bytes: Uint8Array,
  read: PublishedRead,
  options: PublishedImportOptions,
): Promise<TableImportOutcome> {
  const at = (options.now?.() ?? new Date()).toISOString();
  const checked = async (on: Kysely<Database>) => {
    const planned = await plan(on, bytes, read, options, at);
    if (planned.report.errors.length === 0)
      planned.report.warnings = await importWarnings(on, planned.changes, options.confirmWarnings);
    return planned;
  };
  const refused = (report: TableImportReport) =>
    report.errors.length > 0 || unconfirmedWarnings(report).length > 0;
  if (options.dryRun) {
    const { report } = await checked(db);
    return report.errors.length > 0
      ? { ok: false, committed: false, report }
      : { ok: true, committed: false, report };
  }
  const report = await db.transaction().execute(async (trx) => {
    const planned = await checked(trx);
    const author = await draftAuthor(trx, options);
    if (!author.ok) planned.report.errors.push(author.error);
    if (refused(planned.report)) return planned.report;
    const written = planned.changes.filter((c) => c.action !== 'unchanged');
    if (written.length === 0) return planned.report;
    if (planned.file !== null) await registerImportedFile(trx, planned.file);
    await writeTableImport(trx, planned.changes, {
      actor: options.actor ?? 'system',
      file: options.file,
      at,
      written: progressCounter(options.onProgress, 'write-rows', written.length),
      confirmedWarnings: confirmedLines(planned.report.warnings),
      ...(author.ok && author.id !== undefined ? { draftAuthorId: author.id } : {}),
    });
    return planned.report;
  });
  return refused(report) ? { ok: false, committed: false, report } : { ok: true, committed: true, report };
}
