/** An evaluation ↔ its `evaluation` row: the one place the columns and the fields meet. */
import type { Selectable } from 'kysely';
import type { EvaluationRecord } from '../../domain/editing/records.ts';
import type { Evaluation } from '../../domain/model.ts';
import type { EvaluationTable } from '../schema.ts';
import { nullableNumber, optionalText, toNumber, withoutUndefined } from '../values.ts';
import { requiredSourceFromRow } from './source-rows.ts';

type EvaluationRow = Selectable<EvaluationTable> & Parameters<typeof requiredSourceFromRow>[0];

/** The row's own columns (no id, source, version or stamps). */
export function evaluationToRow(e: EvaluationRecord) {
  return {
    node_id: e.nodeId,
    position: e.position,
    fiscal_year: e.fiscalYear,
    evaluated_at: e.evaluatedAt,
    evaluator_kind: e.evaluatorKind,
    evaluator_name: e.evaluatorName,
    scale: e.scale,
    grade: e.grade,
    score: e.score,
    max_score: e.maxScore,
    comment: e.comment ?? null,
    next_step: e.nextStep,
  };
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
    comment: optionalText(row.comment),
    nextStep: row.next_step as Evaluation['nextStep'],
    source: requiredSourceFromRow(row),
  });
}

/** The same row as a flat record, with where it sits. */
export function evaluationRecordFromRow(row: EvaluationRow): EvaluationRecord {
  return { ...evaluationFromRow(row), nodeId: row.node_id, position: toNumber(row.position) };
}
