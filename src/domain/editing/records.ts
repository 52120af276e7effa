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
  'indicatorValue',
  'achievement',
  'evaluation',
  'programSheet',
  'source',
] as const;
export type EditingEntity = (typeof editingEntities)[number];

/**
 * Entity names the revision log once wrote, by the name that replaced them. The hash-chained log is never rewritten,
 * so readers map an old name on read: an `observation` revision (before 2026-12-03) is an `indicatorValue` one.
 */
export const formerEntityNames: Readonly<Record<string, EditingEntity>> = { observation: 'indicatorValue' };

/**
 * The current name of an entity as a revision stored it.
 * @example currentEntityName('observation') // 'indicatorValue'
 */
export function currentEntityName(stored: string): string {
  return Object.hasOwn(formerEntityNames, stored) ? (formerEntityNames[stored] as string) : stored;
}

/**
 * Every name the revision log may hold for an entity: its own and its former ones.
 * @example storedEntityNames('indicatorValue') // ['indicatorValue', 'observation']
 */
export function storedEntityNames(entity: string): string[] {
  return [entity, ...Object.keys(formerEntityNames).filter((former) => formerEntityNames[former] === entity)];
}

/**
 * A map keyed by entity (a batched import's `created`, `updated`) with every key under its current name.
 * @example byCurrentEntityName({ observation: columns }) // { indicatorValue: columns }
 */
export function byCurrentEntityName<T>(byEntity: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(byEntity).map(([entity, value]) => [currentEntityName(entity), value]),
  );
}

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

/** One indicator_value row: an indicator's baseline, target or one of its observations (`role`). */
export const indicatorValueRecordSchema = observationSchema.extend({
  id: storedId,
  indicatorId: recordId,
  role: z.enum(['observation', 'baseline', 'target']),
  position,
});
export type IndicatorValueRecord = z.infer<typeof indicatorValueRecordSchema>;

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
  indicatorValue: indicatorValueRecordSchema,
  achievement: achievementRecordSchema,
  evaluation: evaluationRecordSchema,
  programSheet: programSheetRecordSchema,
  source: sourceRecordSchema,
} as const;

export interface EditingRecords {
  plan: PlanRecord;
  node: NodeRecord;
  indicator: IndicatorRecord;
  indicatorValue: IndicatorValueRecord;
  achievement: AchievementRecord;
  evaluation: EvaluationRecord;
  programSheet: ProgramSheetRecord;
  source: SourceRecord;
}
export type EditingRecord = EditingRecords[EditingEntity];
