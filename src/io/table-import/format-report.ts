/** Plain-text lines of an import report, for the command line: Japanese first, English after. */
import type { TableRowError } from '../tables/index.ts';
import type { ImportAction, ImportRowPlan, TableImportReport } from './import-report.ts';
import type { ImportWarning } from './plausibility-check.ts';

const actionWords: Record<ImportAction, string> = {
  create: '追加 (create)',
  update: '更新 (update)',
  unchanged: '変更なし (unchanged)',
};

const where = (e: { file: string; sheet?: string | undefined; row: number }) =>
  [e.file, e.sheet, e.row > 0 ? `${e.row}行目 (row ${e.row})` : undefined].filter(Boolean).join(' ');

/** One line for a rejected row, e.g. `obs.csv 3行目 (row 3) 値="abc": 「値」が数値ではありません (value is not a number)`. */
export function formatRowError(e: TableRowError): string {
  const cell = e.column === '' ? '' : ` ${e.column}="${e.value}"`;
  return `${where(e)}${cell}: ${e.messageJa} (${e.messageEn})`;
}

/**
 * One line for a plausibility warning, with the id that confirms it, e.g.
 * `obs.csv 3行目 (row 3) value="250" 注意 (warning) [3:FY2018:share-over-100]: 割合が100%を超えています (250%) (a share above 100% (250%))`.
 */
export function formatWarning(w: ImportWarning): string {
  const state = w.confirmed ? '確認済み (confirmed)' : '注意 (warning)';
  return `${where(w)} ${w.field}="${w.value}" ${state} [${w.id}]: ${w.messageJa} (${w.messageEn})`;
}

/** One line for an accepted row, e.g. `obs.csv 2行目 (row 2) 追加 (create) observation i.a:observation@FY2019`. */
export function formatRowPlan(r: ImportRowPlan): string {
  const fields = r.changedFields.length > 0 ? ` [${r.changedFields.join(', ')}]` : '';
  return `${where(r)} ${actionWords[r.action]} ${r.entity} ${r.id}${fields}`;
}

export interface FormatImportReportOptions {
  /** List unchanged rows too; by default only the rows that create or update something. */
  unchanged?: boolean;
  /**
   * List this many rows, then one line counting the rest and pointing to a dry run, which lists every row.
   * Rejected rows are always listed in full.
   */
  rowLimit?: number;
  /** List warnings already confirmed too (a dry run does); unconfirmed ones are always listed. */
  confirmedWarnings?: boolean;
}

/** The rows' lines, at most `limit` of them and then one line for the rest. */
function rowLines(rows: readonly ImportRowPlan[], limit = Number.POSITIVE_INFINITY): string[] {
  if (rows.length <= limit) return rows.map(formatRowPlan);
  const rest = rows.length - limit;
  return [
    ...rows.slice(0, limit).map(formatRowPlan),
    `ほか ${rest} 行。取り込む前に --dry-run を付けるとすべての行を表示します ` +
      `(${rest} more rows; a --dry-run before importing lists every row)`,
  ];
}

function warningCount(report: TableImportReport, lang: 'ja' | 'en'): string {
  const all = report.warnings.length;
  if (all === 0) return '';
  const confirmed = report.warnings.filter((w) => w.confirmed).length;
  return lang === 'ja'
    ? `・注意 ${all}件（確認済み ${confirmed}件）`
    : `, ${all} warnings (${confirmed} confirmed)`;
}

/** The report as lines: rows (all of them, or only changes; up to `rowLimit`), errors, then the counts. */
export function formatImportReport(
  report: TableImportReport,
  options: FormatImportReportOptions = {},
): string[] {
  const { created, updated, unchanged, rejected } = report.counts;
  const rows = report.rows.filter((r) => options.unchanged || r.action !== 'unchanged');
  return [
    ...rowLines(rows, options.rowLimit),
    ...report.errors.map(formatRowError),
    ...report.warnings.filter((w) => options.confirmedWarnings !== false || !w.confirmed).map(formatWarning),
    `追加 ${created}件・更新 ${updated}件・変更なし ${unchanged}件・却下 ${rejected}行${warningCount(report, 'ja')} ` +
      `(created ${created}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected} rows${warningCount(report, 'en')})`,
  ];
}
