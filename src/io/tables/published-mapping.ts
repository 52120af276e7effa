/**
 * The column mapping of a published KPI table: what staff say a header means when the guess is wrong or missing
 * (`--map "KPI=目標値"`, `--ignore "進捗状況"`), and whether bare 「H25」 headers are years or fiscal years. A mapping is
 * plain data, saved by name (src/store/import-mappings) and reused for next year's sheet.
 */
import { z } from 'zod';
import { parseYearHeader, type YearHeader } from '../../domain/year-header.ts';
import { normalizeHeader } from './column.ts';
import {
  classifyPublishedHeader,
  type PublishedColumn,
  type PublishedField,
  type PublishedValueRole,
} from './published-kpi-columns.ts';

export const yearKinds = ['fiscal', 'calendar'] as const;
export type YearKind = (typeof yearKinds)[number];

export const columnMappingSchema = z.object({
  /** Header as printed → what it holds: a field (`name`), a role with an optional year (`target:H31年度`), `ignore`. */
  columns: z.record(z.string().min(1).max(200), z.string().min(1).max(200)).default({}),
  /** The answer to 「H25: year or fiscal year?」; null while unasked or unanswered. */
  yearKind: z.enum(yearKinds).nullable().default(null),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const emptyMapping = (): ColumnMapping => ({ columns: {}, yearKind: null });

const fields: readonly PublishedField[] = [
  'name',
  'id',
  'node',
  'nodeCode',
  'unit',
  'direction',
  'source',
  'baselineYear',
  'targetYear',
  'category',
  'progress',
  'note',
];
const roles: readonly PublishedValueRole[] = ['baseline', 'target', 'actual', 'forecast'];

/** Words staff may write for "leave this column out". */
const ignoreWords = new Set(['ignore', '無視', '取り込まない', '-']);

export type MappingTarget =
  | { kind: 'ignore' }
  | { kind: 'field'; field: PublishedField }
  | { kind: 'value'; role: PublishedValueRole; year: YearHeader | null };

/**
 * What a mapping's right-hand side names, or null when it names nothing known.
 * @example parseMappingTarget('target:H31年度') // { kind: 'value', role: 'target', year: { kind: 'fiscal', … } }
 * @example parseMappingTarget('基準値') // { kind: 'value', role: 'baseline', year: null }
 */
export function parseMappingTarget(text: string): MappingTarget | null {
  const trimmed = text.trim();
  if (ignoreWords.has(trimmed.toLowerCase())) return { kind: 'ignore' };
  if ((fields as readonly string[]).includes(trimmed))
    return { kind: 'field', field: trimmed as PublishedField };
  const [head, ...rest] = trimmed.split(':');
  if ((roles as readonly string[]).includes(head ?? '')) {
    const yearText = rest.join(':').trim();
    if (yearText === '') return { kind: 'value', role: head as PublishedValueRole, year: null };
    const year = parseYearHeader(yearText);
    if (year === null || year.kind === 'target') return null;
    return { kind: 'value', role: head as PublishedValueRole, year };
  }
  // Any header the guesser knows: 「基準値」, 「指標名」, 「平成28年度」, 「H31年度目標」.
  const guessed = classifyPublishedHeader(trimmed, 0);
  if (guessed.kind === 'field') return { kind: 'field', field: guessed.field };
  if (guessed.kind === 'value') return { kind: 'value', role: guessed.role, year: guessed.year };
  return null;
}

/** The header → target text of one `--map "列名=field"` argument, or null when it has no '='. */
export function parseMapArgument(argument: string): [string, string] | null {
  const at = argument.lastIndexOf('=');
  if (at <= 0 || at === argument.length - 1) return null;
  return [argument.slice(0, at).trim(), argument.slice(at + 1).trim()];
}

/** A bare 「H25」 read as the kind staff chose; every other year as its header says. */
export function resolveYear(year: YearHeader | null, yearKind: YearKind | null): YearHeader | null {
  if (year === null || year.kind !== 'ambiguous' || yearKind === null) return year;
  return yearKind === 'fiscal'
    ? { kind: 'fiscal', year: year.year, date: year.fiscalDate, role: year.role }
    : { kind: 'calendar', year: year.year, date: year.calendarDate, role: year.role };
}

export interface MappingProblem {
  header: string;
  target: string;
  messageJa: string;
  messageEn: string;
}

/** The mapping entry for a header, matching as headers are matched (full-width, spaces and case aside). */
function entryFor(mapping: ColumnMapping, header: string): string | undefined {
  const direct = mapping.columns[header];
  if (direct !== undefined) return direct;
  const key = normalizeHeader(header);
  for (const [name, target] of Object.entries(mapping.columns))
    if (normalizeHeader(name) === key) return target;
  return undefined;
}

/**
 * The guessed columns with staff's choices laid over them; `ignored` columns are dropped from reading. Entries naming
 * no column of the sheet, or no known target, are problems.
 */
export function applyMapping(
  columns: readonly PublishedColumn[],
  mapping: ColumnMapping,
): { columns: PublishedColumn[]; ignored: PublishedColumn[]; problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const ignored: PublishedColumn[] = [];
  const out: PublishedColumn[] = [];
  const used = new Set<string>();
  for (const column of columns) {
    const text = entryFor(mapping, column.header);
    if (text === undefined) {
      out.push(column);
      continue;
    }
    used.add(normalizeHeader(column.header));
    const target = parseMappingTarget(text);
    if (target === null) {
      problems.push({
        header: column.header,
        target: text,
        messageJa: `列「${column.header}」の対応先「${text}」が分かりません (name, unit, node, baseline, target, actual, target:H31年度, ignore など)`,
        messageEn: `column ${column.header}: unknown mapping target ${text} (name, unit, node, baseline, target, actual, target:FY2019, ignore …)`,
      });
      out.push(column);
    } else if (target.kind === 'ignore') ignored.push(column);
    else if (target.kind === 'field')
      out.push({ index: column.index, header: column.header, kind: 'field', field: target.field });
    else
      out.push({
        index: column.index,
        header: column.header,
        kind: 'value',
        role: target.role,
        year: target.year,
      });
  }
  for (const [header, target] of Object.entries(mapping.columns))
    if (!used.has(normalizeHeader(header)))
      problems.push({
        header,
        target,
        messageJa: `対応づけの列「${header}」がファイルにありません`,
        messageEn: `the mapping names column ${header}, which the file does not have`,
      });
  return { columns: out, ignored, problems };
}

/** The mapping target a column has now, as `--map` would write it: what the dry run prints and the admin page selects. */
export function targetOf(column: PublishedColumn): string {
  if (column.kind === 'unknown') return 'unknown';
  if (column.kind === 'field') return column.field;
  if (column.year === null || column.year.kind === 'target') return column.role;
  if (column.year.kind === 'ambiguous') return `${column.role}:${column.header}`;
  return `${column.role}:${column.year.date}`;
}
