/**
 * What an import of one staff table did, or would do in a dry run: a line per accepted row (create, update or
 * unchanged) and every rejected row's errors, in the reader's words (file, sheet, row, column, value).
 */

import type { ImportAction, ImportCounts, ImportEntity } from '../../store/table-import/index.ts';
import type { TableEncoding, TableKind, TableRowError } from '../tables/index.ts';
import type { ImportWarning } from './plausibility-check.ts';
import type { PublishedImportSummary } from './published-summary.ts';

export type { ImportAction, ImportCounts, ImportEntity };

export interface ImportRowPlan {
  file: string;
  sheet?: string;
  /** 1-based CSV line or sheet row. */
  row: number;
  entity: ImportEntity;
  /** The stable key: a node or indicator id, or the observation's stored id. */
  id: string;
  planId: string;
  action: ImportAction;
  /** Flat-record fields that differ from what is stored (empty for create and unchanged). */
  changedFields: string[];
}

export interface TableImportReport {
  file: string;
  kind: TableKind | null;
  encoding: TableEncoding | null;
  layout: 'long' | 'wide' | null;
  rows: ImportRowPlan[];
  errors: TableRowError[];
  /** Plausibility warnings on the values the file creates or changes; a real import needs each one confirmed. */
  warnings: ImportWarning[];
  counts: ImportCounts;
  /** A table in the published shape: its columns and guesses, the year-kind question, notes, the file's document. */
  published?: PublishedImportSummary;
  /** Whether the import publishes at once (true) or saves drafts to review and publish (false). */
  publish: boolean;
}

/**
 * ok: every row was accepted; `committed` says whether the changes were written (false for a dry run).
 * Not ok: at least one row was rejected, or a warning was not confirmed, and nothing was written.
 */
/** Warnings staff have not confirmed yet: a real import with any of these writes nothing. */
export const unconfirmedWarnings = (report: TableImportReport) => report.warnings.filter((w) => !w.confirmed);

export type TableImportOutcome =
  | { ok: true; committed: boolean; report: TableImportReport }
  | { ok: false; committed: false; report: TableImportReport };

/** Tallies a report's rows and rejected rows, e.g. `countImport(rows, errors).created // 3`. */
export function countImport(rows: readonly ImportRowPlan[], errors: readonly TableRowError[]): ImportCounts {
  const tally = { create: 0, update: 0, unchanged: 0 };
  for (const row of rows) tally[row.action] += 1;
  const rejected = new Set(errors.map((e) => `${e.sheet ?? ''}\t${e.row}`)).size;
  return { created: tally.create, updated: tally.update, unchanged: tally.unchanged, rejected };
}
