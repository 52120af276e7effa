/**
 * Between an HTML form and a flat record: submitted strings become typed values (dotted names become nested
 * objects), and a stored record becomes the strings a form shows. Type errors found here are reported per
 * field like the store's own validation, so the form re-renders with what was typed.
 */
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { FieldIssue } from '../../store/editing/contract.ts';
import { type FieldSpec, fieldSpecs, optionalGroups } from './field-specs.ts';

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

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

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
  }
  if (spec.input === 'number' || spec.input === 'integer') {
    const value = Number(trimmed.replace(/,/g, ''));
    if (trimmed === '' || !Number.isFinite(value)) return { ok: false, message: notNumber(spec) };
    if (spec.input === 'integer' && !Number.isInteger(value)) return { ok: false, message: notInteger(spec) };
    return { ok: true, value };
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
 * The record a form describes, with a message per field that could not be read.
 * @example parseForm('source', { id: 's1', documentId: 'd', line: 'x' }).issues[0].field // "line"
 */
export function parseForm(entity: EditingEntity, values: FormValues): ParsedForm {
  const record: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const spec of fieldSpecs[entity]) {
    const parsed = parseField(spec, values[spec.name] ?? '');
    if (parsed.ok) setPath(record, spec.name, parsed.value);
    else issues.push({ field: spec.name, message: parsed.message });
  }
  dropEmptyGroups(entity, values, record);
  return { record, issues };
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
