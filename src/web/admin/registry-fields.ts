/**
 * The fields of the two records an admin registers outside the draft workflow: an organization and a source
 * document. They reuse the record forms' field specs and messages (field-specs.ts, schema-messages.ts), and an
 * id left empty is made readable and stable from what the form says (the English name, the municipality code,
 * the organization and date of a document).
 */
import type { z } from 'zod';
import { documentKinds, organizationSchema, sourceDocumentSchema } from '../../domain/model.ts';
import type { FieldIssue } from '../../store/editing/contract.ts';
import type { FieldSpec } from './field-specs.ts';
import { type FormValues, readDate } from './form-values.ts';
import type { OptionLabels } from './option-labels.ts';
import { schemaIssues } from './schema-messages.ts';

export const organizationKindWords: OptionLabels = {
  municipality: '市区町村',
  prefecture: '都道府県',
  office: '事務所・政治団体',
};
export const documentKindWords: OptionLabels = {
  official: '団体の公式資料',
  campaign: '選挙・後援会の資料',
  press: '報道',
  third_party: '第三者の資料',
  upload: '取り込んだファイル',
};

const idSpec: FieldSpec = {
  name: 'id',
  label: 'ID（空欄なら自動で付けます / generated when left empty）',
  input: 'text',
  empty: 'omit',
};

export const organizationFields: FieldSpec[] = [
  idSpec,
  { name: 'name', label: '名称 (name)', input: 'text' },
  { name: 'nameEn', label: '名称・英語 (name in English)', input: 'text', empty: 'omit' },
  {
    name: 'kind',
    label: '種類 (kind)',
    input: 'select',
    options: ['municipality', 'prefecture', 'office'],
    optionLabels: organizationKindWords,
  },
  {
    name: 'municipalityCode',
    label: '全国地方公共団体コード・6桁 (municipality code, 6 digits with check digit)',
    input: 'text',
    empty: 'null',
  },
  { name: 'prefecture', label: '都道府県 (prefecture)', input: 'text', empty: 'omit' },
  { name: 'url', label: 'ウェブサイト (URL)', input: 'text', empty: 'omit' },
];

// 'upload' is for files the table import registers by itself, not chosen by hand.
const registeredKinds = documentKinds.filter((kind) => kind !== 'upload');

export const documentFields: FieldSpec[] = [
  idSpec,
  { name: 'organizationId', label: '団体 (organization)', input: 'select', options: [] },
  { name: 'title', label: '資料名 (title)', input: 'text' },
  { name: 'publisher', label: '発行者 (publisher)', input: 'text', empty: 'omit' },
  { name: 'publishedAt', label: '発行日 (date)', input: 'date' },
  {
    name: 'kind',
    label: '種類 (kind)',
    input: 'select',
    options: registeredKinds,
    optionLabels: documentKindWords,
  },
  { name: 'url', label: 'URL (http / https)', input: 'text', empty: 'omit' },
  { name: 'note', label: '注記 (note)', input: 'textarea', empty: 'omit' },
];

export interface RegistryForm {
  record: Record<string, unknown>;
  issues: FieldIssue[];
}

const notDate = (spec: FieldSpec) =>
  `「${spec.label}」が日付として読めません (${spec.name} is not a date: use 2020-01-15, 2020-01, 令和2年度, R2.4 …)`;
const required = (spec: FieldSpec) => `「${spec.label}」は必須です (${spec.name} is required)`;

/**
 * The record the form describes, checked by `schema`, every problem named by its field in Japanese and English.
 * @example readRegistryForm(organizationFields, organizationSchema, { name: '' }).issues[0].message // "「名称 (name)」は必須です (name is required)"
 */
export function readRegistryForm(
  specs: readonly FieldSpec[],
  schema: z.ZodType,
  values: FormValues,
): RegistryForm {
  const record: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const spec of specs) {
    const raw = values[spec.name] ?? '';
    const text = spec.input === 'textarea' ? raw : raw.trim();
    if (text.trim() === '') {
      if (spec.empty === 'null') record[spec.name] = null;
      else if (spec.input === 'date') issues.push({ field: spec.name, message: required(spec) });
      else if (spec.empty !== 'omit') record[spec.name] = '';
      continue;
    }
    if (spec.input === 'date') {
      const date = readDate(text);
      if (date === null) issues.push({ field: spec.name, message: notDate(spec) });
      else record[spec.name] = date;
      continue;
    }
    record[spec.name] = text;
  }
  const checked = schema.safeParse(record);
  if (checked.success) return { record: checked.data as Record<string, unknown>, issues };
  const refused = new Set(issues.map((issue) => issue.field));
  const specOf = (path: string) => {
    const name = path.split('.')[0] ?? '';
    return specs.find((spec) => spec.name === name) ?? { name: path || 'record', label: path || '記録' };
  };
  const more = schemaIssues(checked.error, specOf, (path) => record[path] === '').filter(
    (issue) => !refused.has(issue.field.split('.')[0] ?? ''),
  );
  return { record, issues: [...issues, ...more] };
}

export const readOrganizationForm = (values: FormValues) =>
  readRegistryForm(organizationFields, organizationSchema, values);

export const readDocumentForm = (values: FormValues) =>
  readRegistryForm(
    documentFields.filter((spec) => spec.name !== 'organizationId'),
    sourceDocumentSchema,
    values,
  );

/** Lowercase letters, digits and hyphens from the ASCII words of a text: "Komoro City" → "komoro-city". */
export function slugOf(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

async function firstFree(first: string, taken: (id: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(first))) return first;
  for (let n = 2; n < 1000; n += 1) if (!(await taken(`${first}-${n}`))) return `${first}-${n}`;
  return '';
}

/**
 * An organization's id when the form left it empty: its English name, else its municipality code, else "org".
 * @example await newOrganizationId({ nameEn: 'Komoro City' }, taken) // "komoro-city"
 */
export function newOrganizationId(
  values: FormValues,
  taken: (id: string) => Promise<boolean>,
): Promise<string> {
  const fromName = slugOf(values.nameEn ?? '');
  const code = (values.municipalityCode ?? '').trim();
  const first = fromName || (/^\d{6}$/.test(code) ? `m${code}` : 'org');
  return firstFree(first, taken);
}

/**
 * A document's id when the form left it empty: the organization, "doc" and the date it was published.
 * @example await newDocumentId({ organizationId: 'komoro', publishedAt: '令和6年3月' }, taken) // "komoro-doc-2024-03"
 */
export function newDocumentId(values: FormValues, taken: (id: string) => Promise<boolean>): Promise<string> {
  const organization = (values.organizationId ?? '').trim();
  const date = readDate(values.publishedAt ?? '') ?? '';
  const datePart = slugOf(date);
  const first = `${organization || 'doc'}-doc${datePart ? `-${datePart}` : ''}`;
  return firstFree(first, taken);
}
