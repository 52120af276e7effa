/**
 * Flat records: one row's worth of an entity, as staff edit it and as drafts and revisions store it.
 * Derived from the domain model (src/domain/model.ts) by dropping nested children and adding where the
 * record sits (plan, parent, position), so no field is defined twice.
 */
import { z } from 'zod';
import {
  achievementSchema,
  evaluationSchema,
  indicatorSchema,
  nodeSchema,
  observationSchema,
  planSchema,
  programSheetSchema,
  recordId,
  sourceRefSchema,
} from '../model.ts';

export const editingEntities = [
  'plan',
  'node',
  'indicator',
  'observation',
  'achievement',
  'evaluation',
  'programSheet',
  'source',
] as const;
export type EditingEntity = (typeof editingEntities)[number];

/** Generated ids (indicator values, source rows) contain ':' so they are checked less strictly than recordId. */
const storedId = z.string().min(1).max(200);
const position = z.number().int().min(0);

export const planRecordSchema = planSchema
  .omit({ statements: true, nodes: true, evaluations: true })
  .extend({ organizationId: recordId });
export type PlanRecord = z.infer<typeof planRecordSchema>;

/** Moving a node changes parentId and position; null parentId is a pillar at the top of the plan. */
export const nodeRecordSchema = nodeSchema
  .omit({
    achievements: true,
    indicators: true,
    evaluations: true,
    programSheets: true,
    children: true,
    continues: true,
  })
  .extend({ planId: recordId, parentId: recordId.nullable(), position });
export type NodeRecord = z.infer<typeof nodeRecordSchema>;

export const indicatorRecordSchema = indicatorSchema
  .omit({ baseline: true, target: true, observations: true, reported: true })
  .extend({ nodeId: recordId, position });
export type IndicatorRecord = z.infer<typeof indicatorRecordSchema>;

/** One indicator_value row: an observation, or the indicator's baseline or target. */
export const observationRecordSchema = observationSchema.extend({
  id: storedId,
  indicatorId: recordId,
  role: z.enum(['observation', 'baseline', 'target']),
  position,
});
export type ObservationRecord = z.infer<typeof observationRecordSchema>;

export const achievementRecordSchema = achievementSchema.extend({ nodeId: recordId, position });
export type AchievementRecord = z.infer<typeof achievementRecordSchema>;

/**
 * An evaluation of a node, or (nodeId null, planId set) of the plan itself. `planId` is only written for the
 * latter, so the records of node evaluations stay as earlier revisions stored them.
 */
export const evaluationRecordSchema = evaluationSchema
  .extend({ nodeId: recordId.nullable(), planId: recordId.optional(), position })
  .refine((e) => e.nodeId !== null || e.planId !== undefined, {
    path: ['planId'],
    message: '評価する項目か計画を指定してください (an evaluation needs a nodeId or a planId)',
  });
export type EvaluationRecord = z.infer<typeof evaluationRecordSchema>;

export const programSheetRecordSchema = programSheetSchema.extend({ nodeId: recordId, position });
export type ProgramSheetRecord = z.infer<typeof programSheetRecordSchema>;

/** A source reference row on its own, for correcting a line number or quote in place. */
export const sourceRecordSchema = sourceRefSchema.extend({ id: storedId });
export type SourceRecord = z.infer<typeof sourceRecordSchema>;

export const recordSchemas = {
  plan: planRecordSchema,
  node: nodeRecordSchema,
  indicator: indicatorRecordSchema,
  observation: observationRecordSchema,
  achievement: achievementRecordSchema,
  evaluation: evaluationRecordSchema,
  programSheet: programSheetRecordSchema,
  source: sourceRecordSchema,
} as const;

export interface EditingRecords {
  plan: PlanRecord;
  node: NodeRecord;
  indicator: IndicatorRecord;
  observation: ObservationRecord;
  achievement: AchievementRecord;
  evaluation: EvaluationRecord;
  programSheet: ProgramSheetRecord;
  source: SourceRecord;
}
export type EditingRecord = EditingRecords[EditingEntity];
