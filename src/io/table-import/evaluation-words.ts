/**
 * The organization's words in an evaluation row: 今後の方向性 by its label (or code) in the organization's own
 * vocabulary, 観点 by label, and the checks that keep a signed stage as signed.
 */

import type { EvaluationRecord } from '../../domain/editing/records.ts';
import { nextStepsOf, viewpointsOf } from '../../domain/evaluation-vocabulary.ts';
import type { StoredEvaluationPlan } from '../../store/table-import/index.ts';
import type { ImportContext } from './import-context.ts';
import { changedFields, type RowPlace, rowError } from './record-change.ts';

const vocabularies = (plan: StoredEvaluationPlan) => ({
  evaluationViewpoints: plan.evaluationViewpoints,
  nextStepVocabulary: plan.nextStepVocabulary,
});

const same = (a: string, b: string) => a.normalize('NFKC').trim() === b.normalize('NFKC').trim();

/** A choice printed with its number on the sheet (「１　現状維持」, 「2. 改革改善」): the words without the number. */
const withoutChoiceNumber = (written: string) =>
  written
    .normalize('NFKC')
    .trim()
    .replace(/^\d+[\s.、):]+(?=\S)/, '');

/**
 * The code of a 今後の方向性 written by label or code, or undefined (the row is rejected) when it is not one. A label
 * may be written as the sheet prints it, after its choice number (「１　現状維持」). The code stored already reads
 * back as it is, even where the organization's words changed since.
 */
export function nextStepCode(
  ctx: ImportContext,
  place: RowPlace,
  column: string,
  written: string,
  plan: StoredEvaluationPlan,
  stored: string | null = null,
): string | undefined {
  if (stored !== null && written.trim() === stored) return stored;
  const steps = nextStepsOf(vocabularies(plan));
  const found =
    steps.find((s) => same(s.label, written) || s.code === written.trim()) ??
    steps.find((s) => same(s.label, withoutChoiceNumber(written)));
  if (found) return found.code;
  const labels = steps.map((s) => s.label).join('・');
  ctx.errors.push(
    rowError(
      place,
      column,
      written,
      `「${written}」はこの団体の今後の方向性 (${labels}) にありません`,
      `${written} is not one of the organization's next steps (${steps.map((s) => s.code).join(', ')})`,
    ),
  );
  return undefined;
}

/** The code of a 観点 by its label, or undefined (rejected) when the organization grades no such viewpoint. */
export function viewpointCode(
  ctx: ImportContext,
  place: RowPlace,
  label: string,
  plan: StoredEvaluationPlan,
): string | undefined {
  const viewpoints = viewpointsOf(vocabularies(plan));
  const found = viewpoints.find((v) => same(v.label, label));
  if (found) return found.code;
  ctx.errors.push(
    rowError(
      place,
      label,
      label,
      `観点「${label}」はこの団体の観点 (${viewpoints.map((v) => v.label).join('・')}) にありません`,
      `viewpoint ${label} is not one the organization grades on`,
    ),
  );
  return undefined;
}

/**
 * Whether the evaluation may become `after`: a signature is never imported (a stage is signed on its page, by the
 * role allowed to), and a signed stage is final, so an import changes nothing of it.
 */
export function checkSignature(
  ctx: ImportContext,
  place: RowPlace,
  column: string,
  before: EvaluationRecord | undefined,
  after: EvaluationRecord,
): boolean {
  if (
    (after.signedBy ?? null) !== (before?.signedBy ?? null) ||
    (after.signedAt ?? null) !== (before?.signedAt ?? null)
  ) {
    ctx.errors.push(
      rowError(
        place,
        column,
        after.signedBy ?? '',
        '署名は取り込めません。評価の画面で署名してください',
        'a signature cannot be imported: sign the stage on its evaluation page',
      ),
    );
    return false;
  }
  if (before?.signedBy == null || changedFields(before, after).length === 0) return true;
  ctx.errors.push(
    rowError(
      place,
      column,
      after.id,
      `評価「${after.id}」は${before.signedBy}が署名済みです。署名した評価は変えられません`,
      `evaluation ${after.id} was signed by ${before.signedBy}; a signed stage cannot change`,
    ),
  );
  return false;
}
