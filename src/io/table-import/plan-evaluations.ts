/**
 * Evaluations rows (evaluations.csv) → changes. An evaluation is keyed by its id and evaluates a stored node or a
 * plan itself; blank cells keep what is stored, 観点 and the budget effect's words travel only in the JSON, and a
 * signature is checked, never written.
 */
import type { Kysely } from 'kysely';
import type { EvaluationRecord } from '../../domain/editing/records.ts';
import { evaluationRecordSchema } from '../../domain/editing/records.ts';
import type { Database } from '../../store/schema.ts';
import {
  storedEvaluationIds,
  storedEvaluationPlans,
  storedNodes,
  storedPlanIds,
} from '../../store/table-import/index.ts';
import type { EvaluationTableRow, TableRow } from '../tables/index.ts';
import { checkSignature, nextStepCode } from './evaluation-words.ts';
import { checkDocument, checkPlan, checkUnique, type ImportContext, placeOf } from './import-context.ts';
import { type RecordChange, type RowPlace, recordChange, rowError, sourceOf } from './record-change.ts';

type EvaluationChange = Extract<RecordChange, { entity: 'evaluation' }>;

const withoutUndefined = <T extends object>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;

function budgetEffectOf(row: EvaluationTableRow, before: EvaluationRecord | undefined) {
  if (row.budgetEffectDirection === null && row.budgetEffectAmount === null)
    return before?.budgetEffect ?? null;
  return withoutUndefined({
    direction: row.budgetEffectDirection ?? before?.budgetEffect?.direction ?? 'unchanged',
    amount: row.budgetEffectAmount ?? before?.budgetEffect?.amount ?? null,
    text: before?.budgetEffect?.text,
  });
}

function rejectMove(ctx: ImportContext, place: RowPlace, row: EvaluationTableRow, before: EvaluationRecord) {
  ctx.errors.push(
    rowError(
      place,
      'nodeId',
      row.nodeId ?? '',
      `評価「${row.id}」は別の項目の評価です。評価する項目は変えられません`,
      `evaluation ${row.id} evaluates ${before.nodeId ?? before.planId}; an import cannot move it`,
    ),
  );
}

/** Plans the evaluations table's rows; rejections go to `ctx.errors`. */
export async function planEvaluations(
  db: Kysely<Database>,
  rows: readonly TableRow<EvaluationTableRow>[],
  ctx: ImportContext,
): Promise<RecordChange[]> {
  const nodes = await storedNodes(
    db,
    rows.flatMap((r) => (r.data.nodeId === null ? [] : [r.data.nodeId])),
  );
  const planIds = await storedPlanIds(db);
  const plans = await storedEvaluationPlans(db, [
    ...new Set([...nodes.values()].map((n) => n.planId).concat(rows.flatMap((r) => r.data.planId ?? []))),
  ]);
  const taken = await storedEvaluationIds(
    db,
    rows.map((r) => r.data.id),
  );
  const seen = new Map<string, number>();
  const changes: RecordChange[] = [];
  const positions = new Map<string, number>();
  for (const tableRow of rows) {
    ctx.checked?.add();
    const row = tableRow.data;
    const place = placeOf(ctx.file, tableRow);
    const node = row.nodeId === null ? undefined : nodes.get(row.nodeId);
    const planId = node?.planId ?? (row.nodeId === null ? row.planId : null);
    if (planId === null || planId === undefined || !planIds.has(planId)) {
      const [column, value] = row.nodeId === null ? ['planId', row.planId ?? ''] : ['nodeId', row.nodeId];
      ctx.errors.push(rowError(place, column, value, `「${value}」がありません`, `${value} does not exist`));
      continue;
    }
    if (row.planId !== null && row.planId !== planId) {
      ctx.errors.push(
        rowError(
          place,
          'planId',
          row.planId,
          `ノードは計画「${planId}」にあります`,
          `the node belongs to plan ${planId}`,
        ),
      );
      continue;
    }
    const plan = plans.get(planId);
    const ok = [
      checkUnique(ctx, seen, row.id, place, 'id', row.id),
      checkPlan(ctx, place, planId, row.nodeId === null ? 'planId' : 'nodeId', row.nodeId ?? planId),
      checkDocument(ctx, place, row.sourceDocumentId),
    ].every(Boolean);
    if (!ok || plan === undefined) continue;
    const before = plan.evaluations.find((e) => e.id === row.id);
    if (before === undefined && taken.has(row.id)) {
      ctx.errors.push(
        rowError(
          place,
          'id',
          row.id,
          `評価ID「${row.id}」は別の計画で使われています`,
          `evaluation id ${row.id} belongs to another plan`,
        ),
      );
      continue;
    }
    if (before !== undefined && (before.nodeId ?? null) !== (row.nodeId ?? null)) {
      rejectMove(ctx, place, row, before);
      continue;
    }
    let nextStep = before?.nextStep ?? null;
    if (row.nextStep !== null) {
      const code = nextStepCode(ctx, place, 'nextStep', row.nextStep, plan, before?.nextStep ?? null);
      if (code === undefined) continue;
      nextStep = code;
    }
    const source = sourceOf(row, before?.source);
    if (source === undefined) continue;
    const key = row.nodeId ?? `plan\t${planId}`;
    let position = before?.position;
    if (position === undefined) {
      const taken = plan.evaluations.filter((e) => (e.nodeId ?? `plan\t${planId}`) === key);
      position = positions.get(key) ?? Math.max(-1, ...taken.map((e) => e.position)) + 1;
      positions.set(key, position + 1);
    }
    const after = withoutUndefined({
      id: row.id,
      nodeId: row.nodeId,
      planId: row.nodeId === null ? planId : undefined,
      position,
      fiscalYear: row.fiscalYear ?? before?.fiscalYear ?? null,
      evaluatedAt: row.evaluatedAt ?? before?.evaluatedAt ?? null,
      evaluatorKind: row.evaluatorKind,
      evaluatorName: row.evaluatorName ?? before?.evaluatorName ?? '',
      scale: row.scale ?? before?.scale ?? '',
      grade: row.grade ?? before?.grade ?? null,
      score: row.score ?? before?.score ?? null,
      maxScore: row.maxScore ?? before?.maxScore ?? null,
      scoreUnit: row.scoreUnit ?? before?.scoreUnit ?? null,
      comment: row.comment ?? before?.comment,
      nextStep,
      stage: row.stage ?? before?.stage ?? null,
      viewpoints: before?.viewpoints ?? null,
      budgetEffect: budgetEffectOf(row, before),
      signedBy: row.signedBy ?? before?.signedBy ?? null,
      signedAt: row.signedAt ?? before?.signedAt ?? null,
      source,
    }) as EvaluationRecord;
    const parsed = evaluationRecordSchema.safeParse(after);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.errors.push(rowError(place, String(issue.path[0] ?? ''), '', issue.message, issue.message));
      continue;
    }
    if (!checkSignature(ctx, place, 'signedBy', before, after)) continue;
    changes.push(
      recordChange<EvaluationChange>({
        place,
        entity: 'evaluation',
        id: row.id,
        planId,
        before: before ?? null,
        after,
      }),
    );
  }
  return changes;
}
