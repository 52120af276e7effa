/**
 * Between an HTML form and a flat record: submitted strings become typed values (dotted names become nested
 * objects), and a stored record becomes the strings a form shows. Type errors found here are reported per
 * field like the store's own validation, so the form re-renders with what was typed.
 */
import { type EditingEntity, recordSchemas } from '../../domain/editing/records.ts';
import type { ParsedNumber } from '../../domain/japanese-number.ts';
import { parseDateText, parseFigureText } from '../../io/tables/cells.ts';
import type { FieldIssue } from '../../store/editing/contract.ts';
import { fieldOfIssue } from './field-issues.ts';
import { type FieldSpec, fieldSpecs, optionalGroups } from './field-specs.ts';
import { schemaIssues } from './schema-messages.ts';

/** What the form holds: the typed strings, by field name. */
export type FormValues = Record<string, string>;

export interface ParsedForm {
  record: Record<string, unknown>;
  issues: FieldIssue[];
}

const notNumber = (spec: FieldSpec) => `「${spec.label}」が数値ではありません (${spec.name} is not a number)`;
const notInteger = (spec: FieldSpec) =>
  `「${spec.label}」が整数ではありません (${spec.name} is not an integer)`;
const notJson = (spec: FieldSpec) =>
  `「${spec.label}」が JSON として読めません (${spec.name} is not valid JSON)`;
const required = (spec: FieldSpec) => `「${spec.label}」は必須です (${spec.name} is required)`;
const notFiscalYear = (spec: FieldSpec) =>
  `「${spec.label}」が年度として読めません (${spec.name} is not a fiscal year: use 2020, 令和2年度, 2020年度 …)`;
const notDate = (spec: FieldSpec) =>
  `「${spec.label}」が日付として読めません (${spec.name} is not a date: use 2020-01-15, 2020-01, FY2019, 令和2年度, R2.4, 平成28年 …)`;

/** A figure as the importer reads a value cell: 「4億1,200万円」, 「1,007」, 「１２３」, 「▲5」, 「3,536千円」. */
export function readFigure(text: string): ParsedNumber | null {
  return parseFigureText(text.trim());
}

/** A date as the importer reads a date cell, as its canonical partial date: 「令和2年度」 → "FY2020". */
export function readDate(text: string): string | null {
  return parseDateText(text.trim());
}

type Parsed = { ok: true; value: unknown; figure?: ParsedNumber } | { ok: false; message: string };

function parseField(spec: FieldSpec, raw: string): Parsed {
  if (spec.input === 'checkbox') return { ok: true, value: raw === 'on' || raw === 'true' };
  if (spec.input === 'lines') {
    const lines = raw.split(/\r?\n/).map((line) => line.trim());
    return { ok: true, value: lines.filter((line) => line !== '') };
  }
  const trimmed = spec.input === 'textarea' ? raw : raw.trim();
  if (trimmed.trim() === '') {
    if (spec.empty === 'omit') return { ok: true, value: undefined };
    if (spec.empty === 'null') return { ok: true, value: null };
    if (spec.input === 'text' || spec.input === 'textarea' || spec.input === 'select')
      return { ok: true, value: '' };
    if (spec.input === 'date') return { ok: false, message: required(spec) };
  }
  if (spec.input === 'number' || spec.input === 'integer') {
    const figure = readFigure(trimmed);
    if (!figure) return { ok: false, message: notNumber(spec) };
    if (spec.input === 'integer' && !Number.isInteger(figure.value))
      return { ok: false, message: notInteger(spec) };
    return { ok: true, value: figure.value, figure };
  }
  if (spec.input === 'fiscalYear') {
    // 2020, or a 年度 as the importer reads it: 令和2年度, R2年度, 2020年度 (a calendar 年 is not a 年度).
    const year = /^\d{4}$/.test(trimmed) ? trimmed : /^FY(\d{4})$/.exec(readDate(trimmed) ?? '')?.[1];
    return year ? { ok: true, value: Number(year) } : { ok: false, message: notFiscalYear(spec) };
  }
  if (spec.input === 'date') {
    const date = readDate(trimmed);
    return date === null ? { ok: false, message: notDate(spec) } : { ok: true, value: date };
  }
  if (spec.input === 'json') {
    try {
      return { ok: true, value: JSON.parse(trimmed) };
    } catch {
      return { ok: false, message: notJson(spec) };
    }
  }
  return { ok: true, value: trimmed };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return;
  if (rest.length === 0) {
    if (value !== undefined) target[head] = value;
    return;
  }
  target[head] ??= {};
  const child = target[head] as Record<string, unknown>;
  setPath(child, rest.join('.'), value);
}

/** Drops an optional nested object (a node's source) when the form left its document empty. */
function dropEmptyGroups(entity: EditingEntity, values: FormValues, record: Record<string, unknown>): void {
  for (const group of optionalGroups[entity] ?? []) {
    if ((values[`${group}.documentId`] ?? '').trim() === '') delete record[group];
  }
}

/**
 * A value typed as printed (「4億1,200万円」, 「約30%」) keeps its printed text and qualifier where the form left
 * them blank, as the importer does with a value cell; a plain number adds nothing.
 */
function keepPrinted(record: Record<string, unknown>, values: FormValues, figure: ParsedNumber): void {
  const typed = (values.value ?? '').trim();
  if (typed.normalize('NFKC').replaceAll(',', '') === String(figure.value)) return;
  if ((values.text ?? '').trim() === '') record.text = typed;
  if ((values.qualifier ?? '').trim() === '' && figure.qualifier !== null)
    record.qualifier = figure.qualifier;
}

const specOf = (entity: EditingEntity) => (path: string) => {
  const name = fieldOfIssue(entity, path);
  return (
    fieldSpecs[entity].find((spec) => spec.name === name) ?? { name: path || 'record', label: path || '記録' }
  );
};

/**
 * The record a form describes, with a message per field that could not be read or that the record's schema
 * refuses, each in Japanese and English naming the field.
 * @example parseForm('source', { id: 's1', documentId: 'd', line: 'x' }).issues[0].field // "line"
 */
export function parseForm(entity: EditingEntity, values: FormValues): ParsedForm {
  const record: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  let figure: ParsedNumber | undefined;
  for (const spec of fieldSpecs[entity]) {
    const parsed = parseField(spec, values[spec.name] ?? '');
    if (!parsed.ok) issues.push({ field: spec.name, message: parsed.message });
    else setPath(record, spec.name, parsed.value);
    if (parsed.ok && entity === 'indicatorValue' && spec.name === 'value') figure = parsed.figure;
  }
  if (figure) keepPrinted(record, values, figure);
  dropEmptyGroups(entity, values, record);
  // Every problem in one pass: the schema's, except on fields already refused above (left out of the record).
  const checked = recordSchemas[entity].safeParse(record);
  if (checked.success) return { record, issues };
  const refused = new Set(issues.map((issue) => issue.field));
  const more = schemaIssues(checked.error, specOf(entity), (path) => getPath(record, path) === '').filter(
    (issue) => !refused.has(fieldOfIssue(entity, issue.field)),
  );
  return { record, issues: [...issues, ...more] };
}

function getPath(source: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      source,
    );
}

function formatField(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.input === 'checkbox') return value === true ? 'on' : '';
  if (spec.input === 'lines' && Array.isArray(value)) return value.join('\n');
  if (spec.input === 'json') return JSON.stringify(value, null, 2);
  return String(value);
}

/** The strings a form shows for a stored record, e.g. `formValues('source', { line: 12, … }).line // "12"`. */
export function formValues(entity: EditingEntity, record: unknown): FormValues {
  const values: FormValues = {};
  for (const spec of fieldSpecs[entity]) values[spec.name] = formatField(spec, getPath(record, spec.name));
  return values;
}

/** The submitted strings of the entity's fields (unknown names are ignored; unchecked boxes are ""). */
export function submittedValues(entity: EditingEntity, body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const spec of fieldSpecs[entity]) {
    const value = body[spec.name];
    values[spec.name] = typeof value === 'string' ? value : '';
  }
  return values;
}
