/** Puts each validation message beside the input it is about. */
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { FieldIssue } from '../../store/editing/contract.ts';
import { fieldSpecs } from './field-specs.ts';

/**
 * The form field an issue belongs to: its own name, or the nearest enclosing field (a JSON input holds
 * "statusVocabulary.0.code"); "" when no field matches, for the summary at the top.
 * @example fieldOfIssue('plan', 'ratingScale.grades.0.min') // "ratingScale"
 */
export function fieldOfIssue(entity: EditingEntity, path: string): string {
  const names = fieldSpecs[entity].map((spec) => spec.name);
  let best = '';
  for (const name of names) {
    if ((path === name || path.startsWith(`${name}.`)) && name.length > best.length) best = name;
  }
  return best;
}

/** Messages grouped by form field. */
export function issuesByField(entity: EditingEntity, issues: readonly FieldIssue[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const issue of issues) {
    const field = fieldOfIssue(entity, issue.field);
    grouped.set(field, [...(grouped.get(field) ?? []), issue.message]);
  }
  return grouped;
}

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Whether a message is already worded in Japanese (kana or kanji). */
export const isJapanese = (message: string): boolean => japanese.test(message);

/**
 * A message that names its field in Japanese and English, wrapping the schema's English-only wording.
 * @example fieldMessage({ name: 'title', label: '名称 (title)' }, 'Too small') // "「名称 (title)」が正しくありません (invalid title): Too small"
 */
export function fieldMessage(spec: { name: string; label: string }, message: string): string {
  if (isJapanese(message)) return message;
  return `「${spec.label}」が正しくありません (invalid ${spec.name}): ${message}`;
}
