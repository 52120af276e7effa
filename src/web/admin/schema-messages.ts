/**
 * The record schema's complaints in the form's words: each zod issue becomes "「label」… (name …)", Japanese
 * first, naming the field as the form labels it. The form checks the record before the store does, so staff never
 * see zod's English ("Too small: expected string to have >=1 characters").
 */
import type { z } from 'zod';
import type { FieldIssue } from '../../store/editing/contract.ts';
import { fieldMessage, isJapanese } from './field-issues.ts';
import type { FieldSpec } from './field-specs.ts';

type Issue = z.core.$ZodIssue;

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>, label: string, name: string): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'string' && min <= 1) return `「${label}」は必須です (${name} is required)`;
  if (issue.origin === 'string')
    return `「${label}」は${min}文字以上です (${name} needs at least ${min} characters)`;
  if (issue.origin === 'array') return `「${label}」は${min}件以上です (${name} needs at least ${min} items)`;
  const bound = issue.inclusive === false ? 'より大きい値' : '以上';
  return `「${label}」は${min}${bound}です (${name} must be ${issue.inclusive === false ? 'more than' : 'at least'} ${min})`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>, label: string, name: string): string {
  const max = Number(issue.maximum);
  if (issue.origin === 'string')
    return `「${label}」は${max}文字までです (${name} takes at most ${max} characters)`;
  if (issue.origin === 'array') return `「${label}」は${max}件までです (${name} takes at most ${max} items)`;
  return `「${label}」は${max}以下です (${name} must be at most ${max})`;
}

/**
 * One issue in Japanese and English, naming the field.
 * @example issueMessage({ code: 'too_small', origin: 'string', minimum: 1, … }, spec) // "「ID」は必須です (id is required)"
 */
export function issueMessage(issue: Issue, spec: Pick<FieldSpec, 'label' | 'name'>): string {
  const { label, name } = spec;
  // A schema that words its own message in Japanese (recordId, text limits) is kept, with the field named.
  if (isJapanese(issue.message))
    return issue.message.startsWith('「') ? issue.message : `「${label}」: ${issue.message}`;
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue, label, name);
    case 'too_big':
      return tooBig(issue, label, name);
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? `「${label}」は必須です (${name} is required)`
        : `「${label}」の形式が正しくありません (${name} should be ${issue.expected})`;
    case 'invalid_value':
      return `「${label}」は選択肢から選んでください (${name} must be one of ${issue.values.map(String).join(', ')})`;
    case 'invalid_format':
      return `「${label}」の書式が正しくありません (${name} is not a valid ${issue.format})`;
    case 'not_multiple_of':
      return `「${label}」は${issue.divisor}の倍数です (${name} must be a multiple of ${issue.divisor})`;
    default:
      return fieldMessage(spec, issue.message);
  }
}

/**
 * Every issue of a failed parse as field issues, one message per field and wording; `specOf` finds the form
 * field of an issue's path and `isBlank` says whether the form left it empty (then it is simply required).
 */
export function schemaIssues(
  error: z.ZodError,
  specOf: (path: string) => Pick<FieldSpec, 'label' | 'name'>,
  isBlank: (path: string) => boolean,
): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    const spec = specOf(field);
    const message = isBlank(field)
      ? `「${spec.label}」は必須です (${spec.name} is required)`
      : issueMessage(issue, spec);
    if (seen.has(`${field}\n${message}`)) continue;
    seen.add(`${field}\n${message}`);
    out.push({ field, message });
  }
  return out;
}
