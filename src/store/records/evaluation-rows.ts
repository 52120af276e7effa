/** An evaluation ↔ its `evaluation` row: the one place the columns and the fields meet. */
import type { Selectable } from 'kysely';
import type { EvaluationRecord } from '../../domain/editing/records.ts';
import type { Evaluation, ViewpointGrade } from '../../domain/model.ts';
import type { EvaluationTable } from '../schema.ts';
import { nullableNumber, optionalText, parseJsonColumn, toNumber, withoutUndefined } from '../values.ts';
import { requiredSourceFromRow } from './source-rows.ts';

type EvaluationRow = Selectable<EvaluationTable> & Parameters<typeof requiredSourceFromRow>[0];

/** The row's own columns (no id, source, version or stamps); `planId` is the plan of the node or the plan evaluated. */
export function evaluationToRow(e: EvaluationRecord & { planId: string }) {
  return {
    node_id: e.nodeId,
    plan_id: e.planId,
    position: e.position,
    fiscal_year: e.fiscalYear,
    evaluated_at: e.evaluatedAt,
    evaluator_kind: e.evaluatorKind,
    evaluator_name: e.evaluatorName,
    scale: e.scale,
    grade: e.grade,
    score: e.score,
    max_score: e.maxScore,
    score_unit: e.scoreUnit,
    comment: e.comment ?? null,
    next_step: e.nextStep,
    stage: e.stage,
    viewpoints: e.viewpoints === null ? null : JSON.stringify(e.viewpoints),
    budget_effect_direction: e.budgetEffect?.direction ?? null,
    budget_effect_amount: e.budgetEffect?.amount ?? null,
    budget_effect_text: e.budgetEffect?.text ?? null,
    signed_by: e.signedBy,
    signed_at: e.signedAt,
  };
}

function budgetEffectFromRow(row: EvaluationRow): Evaluation['budgetEffect'] {
  if (row.budget_effect_direction === null) return null;
  return withoutUndefined({
    direction: row.budget_effect_direction as NonNullable<Evaluation['budgetEffect']>['direction'],
    amount: nullableNumber(row.budget_effect_amount),
    text: optionalText(row.budget_effect_text),
  });
}

/** The model's evaluation of a row joined with its source (as `src`). */
export function evaluationFromRow(row: EvaluationRow): Evaluation {
  return withoutUndefined({
    id: row.id,
    fiscalYear: nullableNumber(row.fiscal_year),
    evaluatedAt: row.evaluated_at,
    evaluatorKind: row.evaluator_kind as Evaluation['evaluatorKind'],
    evaluatorName: row.evaluator_name,
    scale: row.scale,
    grade: row.grade,
    score: nullableNumber(row.score),
    maxScore: nullableNumber(row.max_score),
    scoreUnit: row.score_unit,
    comment: optionalText(row.comment),
    nextStep: row.next_step,
    stage: row.stage as Evaluation['stage'],
    viewpoints: parseJsonColumn<ViewpointGrade[]>(row.viewpoints),
    budgetEffect: budgetEffectFromRow(row),
    signedBy: row.signed_by,
    signedAt: row.signed_at,
    source: requiredSourceFromRow(row),
  });
}

/** The same row as a flat record, with where it sits; `planId` only for an evaluation of the plan itself. */
export function evaluationRecordFromRow(row: EvaluationRow): EvaluationRecord {
  return withoutUndefined({
    ...evaluationFromRow(row),
    nodeId: row.node_id,
    planId: row.node_id === null ? row.plan_id : undefined,
    position: toNumber(row.position),
  });
}
