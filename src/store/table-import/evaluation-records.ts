/**
 * What the store holds for a 事務事業評価 table: each plan's program sheets and evaluations, and the words its
 * organization evaluates in (観点, 今後の方向性), read as flat editing records so the importer compares rows with them.
 */
import type { Kysely } from 'kysely';
import type { EvaluationRecord, ProgramSheetRecord } from '../../domain/editing/records.ts';
import { defaultViewpoints } from '../../domain/evaluation-vocabulary.ts';
import type { NextStepDefinition, ViewpointDefinition } from '../../domain/model.ts';
import { evaluationRecordFromRow } from '../records/evaluation-rows.ts';
import { programSheetRecordFromRow } from '../records/program-sheet-rows.ts';
import { sourceColumns } from '../records/source-rows.ts';
import type { Database } from '../schema.ts';
import { parseJsonColumn } from '../values.ts';

/** One plan's sheets and evaluations (of its nodes and of itself), and its organization's vocabularies. */
export interface StoredEvaluationPlan {
  planId: string;
  programSheets: ProgramSheetRecord[];
  evaluations: EvaluationRecord[];
  evaluationViewpoints: ViewpointDefinition[] | null;
  nextStepVocabulary: NextStepDefinition[] | null;
}

/**
 * The given plans' program sheets, evaluations and vocabularies, by plan id.
 * @example (await storedEvaluationPlans(db, ['hirakata-shiwake-2010'])).get('hirakata-shiwake-2010')?.nextStepVocabulary?.[0].label // '廃止'
 */
export async function storedEvaluationPlans(
  db: Kysely<Database>,
  planIds: readonly string[],
): Promise<Map<string, StoredEvaluationPlan>> {
  const ids = [...new Set(planIds)];
  const out = new Map<string, StoredEvaluationPlan>();
  if (ids.length === 0) return out;
  const plans = await db
    .selectFrom('plan')
    .innerJoin('organization', 'organization.id', 'plan.organization_id')
    .select(['plan.id', 'organization.evaluation_viewpoints', 'organization.next_step_vocabulary'])
    .where('plan.id', 'in', ids)
    .execute();
  for (const p of plans)
    out.set(p.id, {
      planId: p.id,
      programSheets: [],
      evaluations: [],
      evaluationViewpoints: parseJsonColumn<ViewpointDefinition[]>(p.evaluation_viewpoints),
      nextStepVocabulary: parseJsonColumn<NextStepDefinition[]>(p.next_step_vocabulary),
    });
  const sheets = await db
    .selectFrom('program_sheet')
    .innerJoin('node', 'node.id', 'program_sheet.node_id')
    .innerJoin('source as src', 'src.id', 'program_sheet.source_id')
    .selectAll('program_sheet')
    .select(sourceColumns)
    .select('node.plan_id')
    .where('node.plan_id', 'in', ids)
    .orderBy('program_sheet.position')
    .execute();
  for (const row of sheets) out.get(row.plan_id)?.programSheets.push(programSheetRecordFromRow(row));
  const evaluations = await db
    .selectFrom('evaluation')
    .innerJoin('source as src', 'src.id', 'evaluation.source_id')
    .selectAll('evaluation')
    .select(sourceColumns)
    .where('evaluation.plan_id', 'in', ids)
    .orderBy('evaluation.position')
    .execute();
  for (const row of evaluations) out.get(row.plan_id)?.evaluations.push(evaluationRecordFromRow(row));
  return out;
}

/** The evaluation ids already taken anywhere (an id is unique across plans). */
export async function storedEvaluationIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('evaluation')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The program sheet ids already taken anywhere. */
export async function storedProgramSheetIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('program_sheet')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The 観点 labels a 事務事業評価 table may head its columns with: the glossary's, and those of the organization of
 * `planId` (or of every organization when the import names no plan), so a town's own 観点 read as columns.
 * @example await storedViewpointLabels(db, 'sample-plan') // ['必要性', …, '緊急性'] when サンプル町 grades 緊急性
 */
export async function storedViewpointLabels(
  db: Kysely<Database>,
  planId: string | undefined,
): Promise<string[]> {
  let query = db
    .selectFrom('organization')
    .select('organization.evaluation_viewpoints')
    .where('organization.evaluation_viewpoints', 'is not', null);
  if (planId !== undefined)
    query = query.where('organization.id', 'in', (eb) =>
      eb.selectFrom('plan').select('plan.organization_id').where('plan.id', '=', planId),
    );
  const configured = (await query.execute()).flatMap(
    (row) => parseJsonColumn<ViewpointDefinition[]>(row.evaluation_viewpoints) ?? [],
  );
  return [...new Set([...defaultViewpoints.map((v) => v.label), ...configured.map((v) => v.label)])];
}
