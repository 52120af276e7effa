/**
 * What a dry run says about a published KPI table: every cell as read (value, unit, date and its kind), every cell
 * left out and why, every problem, and what is still missing before the rows can be placed in a plan.
 */
import { formatPartialDate } from '../../domain/wareki.ts';
import type { PublishedRow, PublishedSheet, PublishedValue } from './published-kpi.ts';
import type { PublishedColumn } from './published-kpi-columns.ts';
import type { GridRow } from './sheet-grid.ts';
import { fileError, type TableErrorPlace, type TableRowError } from './table-error.ts';

const roleJa = {
  baseline: '基準値',
  target: '目標値',
  actual: '実績',
  forecast: '見込 (実績にはしません)',
} as const;
const roleEn = {
  baseline: 'baseline',
  target: 'target',
  actual: 'actual',
  forecast: 'forecast (not an actual)',
} as const;

function dateJa(v: PublishedValue): string {
  if (v.date !== null) return formatPartialDate(v.date);
  return v.dateKind === 'ambiguous' ? '年か年度か不明' : '年不明';
}

function dateEn(v: PublishedValue): string {
  if (v.date !== null)
    return `${formatPartialDate(v.date, 'en')}${v.dateKind === 'calendar' ? ' (calendar year)' : ''}`;
  return v.dateKind === 'ambiguous' ? 'year or fiscal year unknown' : 'year unknown';
}

const amount = (v: PublishedValue) => `${v.figure.value}${v.unit ?? ''}`;

function rowSummary(row: PublishedRow): { ja: string; en: string } {
  const code = row.fields.nodeCode === undefined ? '' : `, 施策コード ${row.fields.nodeCode}`;
  const codeEn = row.fields.nodeCode === undefined ? '' : `, node code ${row.fields.nodeCode}`;
  const unitJa = row.unit === null ? '単位なし' : `単位 ${row.unit}`;
  const unitEn = row.unit === null ? 'no unit' : `unit ${row.unit}`;
  const ja = row.values.map((v) => `${v.label ?? v.column} → ${dateJa(v)} ${roleJa[v.role]} ${amount(v)}`);
  const en = row.values.map((v) => `${dateEn(v)} ${roleEn[v.role]} ${amount(v)}`);
  const emptyJa = row.empty.length === 0 ? '' : `; 値なし: ${row.empty.join('・')}`;
  const emptyEn = row.empty.length === 0 ? '' : `; no value: ${row.empty.length} cells`;
  return {
    ja: `指標「${row.fields.name ?? ''}」(${unitJa}${code}) を読みました: ${ja.join('; ') || '値なし'}${emptyJa}`,
    en: `read indicator ${row.fields.name ?? ''} (${unitEn}${codeEn}): ${en.join('; ') || 'no values'}${emptyEn}`,
  };
}

function headerLines(
  columns: readonly PublishedColumn[],
  header: GridRow,
  place: TableErrorPlace,
): TableRowError[] {
  const at = (column: string, messageJa: string, messageEn: string): TableRowError => ({
    ...fileError(place, messageJa, messageEn),
    row: header.row,
    column,
    value: column,
  });
  return columns.flatMap((c) => {
    if (c.kind === 'unknown')
      return [
        at(
          c.header,
          `列「${c.header}」は知らない列です。対応づける (--map "${c.header}=項目") か外して (--ignore "${c.header}") ください`,
          `unknown column ${c.header}: map it (--map "${c.header}=field") or leave it out (--ignore "${c.header}")`,
        ),
      ];
    if (c.kind === 'value' && c.year?.kind === 'ambiguous')
      return [
        at(
          c.header,
          `質問: 列「${c.header}」は年 (${c.year.calendarDate}年) か年度 (${c.year.year}年度) か分かりません。推測しません。--year-kind calendar (年) か --year-kind fiscal (年度) で答えるか、「${c.header}年」か「${c.header}年度」と書いてください`,
          `question: column ${c.header} may be the calendar year ${c.year.calendarDate} or the fiscal year ${c.year.fiscalDate}: not guessed; answer with --year-kind calendar or --year-kind fiscal, or write ${c.header}年 or ${c.header}年度`,
        ),
      ];
    return [];
  });
}

/** 年 and 年度 columns in one sheet are a quarter apart: often a typo, so the dry run says so. */
function mixedYearKinds(
  columns: readonly PublishedColumn[],
  header: GridRow,
  place: TableErrorPlace,
): TableRowError[] {
  const kinds = new Set(columns.flatMap((c) => (c.kind === 'value' && c.year ? [c.year.kind] : [])));
  if (!kinds.has('fiscal') || !kinds.has('calendar')) return [];
  return [
    {
      ...fileError(
        place,
        '年 (暦年) の列と年度の列が混じっています。それぞれ見出しのとおりに扱います。誤記でないか確かめてください',
        'calendar-year (年) and fiscal-year (年度) columns are mixed: each is read as its header says; check for a typo',
      ),
      row: header.row,
    },
  ];
}

function rowLines(
  row: PublishedRow,
  place: TableErrorPlace,
): { notes: TableRowError[]; errors: TableRowError[] } {
  const at = (column: string, value: string, messageJa: string, messageEn: string): TableRowError => ({
    ...fileError(place, messageJa, messageEn),
    row: row.row,
    column,
    value,
  });
  const summary = rowSummary(row);
  const notes = [
    at('', '', summary.ja, summary.en),
    ...row.skipped.map((s) =>
      s.reason === 'word'
        ? at(
            s.column,
            s.text,
            `文字「${s.text}」は数値ではないため値として保存できません。この欄は取り込みません`,
            `the word ${s.text} is not a number and cannot be stored as a value: this cell is skipped`,
          )
        : at(
            s.column,
            s.text,
            `「${s.text}」が数値として読めません。この欄は取り込みません`,
            `${s.text} cannot be read as a number: this cell is skipped`,
          ),
    ),
  ];
  return { notes, errors: row.problems.map((p) => at(p.column, p.value, p.messageJa, p.messageEn)) };
}

function totals(sheet: PublishedSheet, place: TableErrorPlace): TableRowError {
  const count = (f: (r: PublishedRow) => number) => sheet.rows.reduce((n, r) => n + f(r), 0);
  const values = count((r) => r.values.length);
  const empty = count((r) => r.empty.length);
  const skipped = count((r) => r.skipped.length);
  const undated = count((r) => r.values.filter((v) => v.date === null).length);
  return fileError(
    place,
    `公表形式の KPI 表として読みました: 指標 ${sheet.rows.length}件・値 ${values}件 (うち日付なし ${undated}件)・値なし ${empty}件・取り込まない文字 ${skipped}件`,
    `read as a published KPI table: ${sheet.rows.length} indicators, ${values} values (${undated} without a date), ${empty} empty cells, ${skipped} words skipped`,
  );
}

/**
 * The dry run's lines for a published KPI table, in the order of the sheet, then one line of totals and what is missing.
 * @example describePublishedKpi(sheet, grid.header, { file: 'oyabe.csv' }).at(-1)?.messageEn // 'read as a published KPI table: 14 indicators, …'
 */
export function describePublishedKpi(
  sheet: PublishedSheet,
  header: GridRow,
  place: TableErrorPlace,
): { errors: TableRowError[]; notes: TableRowError[]; lines: TableRowError[] } {
  const mapping = sheet.mappingProblems.map((p) => ({
    ...fileError(place, p.messageJa, p.messageEn),
    row: header.row,
    column: p.header,
    value: p.target,
  }));
  const rows = sheet.rows.map((row) => rowLines(row, place));
  const errors = [...mapping, ...headerLines(sheet.columns, header, place), ...rows.flatMap((r) => r.errors)];
  const notes = [
    ...mixedYearKinds(sheet.columns, header, place),
    ...rows.flatMap((r) => r.notes),
    totals(sheet, place),
  ];
  const lines = [
    ...mapping,
    ...headerLines(sheet.columns, header, place),
    ...mixedYearKinds(sheet.columns, header, place),
    ...rows.flatMap((r) => [...r.notes, ...r.errors]),
    totals(sheet, place),
  ];
  return { errors, notes, lines };
}
