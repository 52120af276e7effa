/**
 * Published rows read back as flat records (src/domain/editing/records.ts) with their versions:
 * the "before" of every change and the base a draft is laid over.
 */
import type { Kysely } from 'kysely';
import type {
  AchievementRecord,
  EditingEntity,
  EditingRecord,
  EvaluationRecord,
  IndicatorRecord,
  IndicatorValueRecord,
  NodeRecord,
  PlanRecord,
  ProgramSheetRecord,
  SourceRecord,
} from '../../domain/editing/records.ts';
import { planHeaderQuery } from '../plan-header.ts';
import { achievementRecordFromRow } from '../records/achievement-rows.ts';
import { evaluationRecordFromRow } from '../records/evaluation-rows.ts';
import { indicatorRecordFromRow } from '../records/indicator-rows.ts';
import { indicatorValueRecordFromRow } from '../records/indicator-value-rows.ts';
import { nodeFromRow, selectNodesWithSources } from '../records/node-rows.ts';
import { planRecordFromRow } from '../records/plan-rows.ts';
import { programSheetRecordFromRow } from '../records/program-sheet-rows.ts';
import { requiredSourceFromRow, sourceColumns, sourceFromRow } from '../records/source-rows.ts';
import type { Database } from '../schema.ts';
import { toNumber } from '../values.ts';

export interface Stored<R extends EditingRecord = EditingRecord> {
  record: R;
  version: number;
}

type Where = { column: 'id' | 'plan'; value: string };

function nodeQuery(db: Kysely<Database>, where: Where) {
  return selectNodesWithSources(db)
    .where(where.column === 'id' ? 'node.id' : 'node.plan_id', '=', where.value)
    .orderBy('node.position')
    .execute();
}

function underPlan<T extends 'achievement' | 'indicator' | 'program_sheet'>(table: T, where: Where) {
  return where.column === 'id'
    ? ([`${table}.id`, where.value] as const)
    : (['node.plan_id', where.value] as const);
}

async function nodes(db: Kysely<Database>, where: Where): Promise<Stored<NodeRecord>[]> {
  return (await nodeQuery(db, where)).map((row) => ({
    record: nodeFromRow(row),
    version: toNumber(row.version),
  }));
}

async function achievements(db: Kysely<Database>, where: Where): Promise<Stored<AchievementRecord>[]> {
  const [column, value] = underPlan('achievement', where);
  const rows = await db
    .selectFrom('achievement')
    .innerJoin('node', 'node.id', 'achievement.node_id')
    .innerJoin('source as src', 'src.id', 'achievement.source_id')
    .selectAll('achievement')
    .select(sourceColumns)
    .where(column, '=', value)
    .orderBy('achievement.position')
    .execute();
  return rows.map((row) => ({
    record: achievementRecordFromRow(row),
    version: toNumber(row.version),
  }));
}

async function evaluations(db: Kysely<Database>, where: Where): Promise<Stored<EvaluationRecord>[]> {
  // plan_id covers evaluations of the plan's nodes and of the plan itself.
  const rows = await db
    .selectFrom('evaluation')
    .innerJoin('source as src', 'src.id', 'evaluation.source_id')
    .selectAll('evaluation')
    .select(sourceColumns)
    .where(where.column === 'id' ? 'evaluation.id' : 'evaluation.plan_id', '=', where.value)
    .orderBy('evaluation.position')
    .execute();
  return rows.map((row) => ({
    record: evaluationRecordFromRow(row),
    version: toNumber(row.version),
  }));
}

async function programSheets(db: Kysely<Database>, where: Where): Promise<Stored<ProgramSheetRecord>[]> {
  const [column, value] = underPlan('program_sheet', where);
  const rows = await db
    .selectFrom('program_sheet')
    .innerJoin('node', 'node.id', 'program_sheet.node_id')
    .innerJoin('source as src', 'src.id', 'program_sheet.source_id')
    .selectAll('program_sheet')
    .select(sourceColumns)
    .where(column, '=', value)
    .orderBy('program_sheet.position')
    .execute();
  return rows.map((row) => ({ record: programSheetRecordFromRow(row), version: toNumber(row.version) }));
}

async function indicators(db: Kysely<Database>, where: Where): Promise<Stored<IndicatorRecord>[]> {
  const [column, value] = underPlan('indicator', where);
  const rows = await db
    .selectFrom('indicator')
    .innerJoin('node', 'node.id', 'indicator.node_id')
    .selectAll('indicator')
    .where(column, '=', value)
    .orderBy('indicator.position')
    .execute();
  return rows.map((row) => ({ record: indicatorRecordFromRow(row), version: toNumber(row.version) }));
}

async function indicatorValues(db: Kysely<Database>, where: Where): Promise<Stored<IndicatorValueRecord>[]> {
  const rows = await db
    .selectFrom('indicator_value')
    .innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id')
    .innerJoin('node', 'node.id', 'indicator.node_id')
    .innerJoin('source as src', 'src.id', 'indicator_value.source_id')
    .selectAll('indicator_value')
    .select(sourceColumns)
    .where(where.column === 'id' ? 'indicator_value.id' : 'node.plan_id', '=', where.value)
    .orderBy('indicator_value.position')
    .execute();
  return rows.map((row) => ({
    record: indicatorValueRecordFromRow(row, requiredSourceFromRow(row)),
    version: toNumber(row.version),
  }));
}

async function plans(db: Kysely<Database>, id: string): Promise<Stored<PlanRecord>[]> {
  const rows = await planHeaderQuery(db).where('plan.id', '=', id).execute();
  return rows.map((row) => ({ record: planRecordFromRow(row), version: toNumber(row.version) }));
}

async function sources(db: Kysely<Database>, id: string): Promise<Stored<SourceRecord>[]> {
  const rows = await db
    .selectFrom('source as src')
    .select(['src.id', 'src.version'])
    .select(sourceColumns)
    .where('src.id', '=', id)
    .execute();
  return rows.flatMap((row) => {
    const ref = sourceFromRow(row, 'src');
    return ref ? [{ record: { id: row.id, ...ref }, version: toNumber(row.version) }] : [];
  });
}

const readers: { [E in EditingEntity]: (db: Kysely<Database>, id: string) => Promise<Stored[]> } = {
  plan: plans,
  node: (db, id) => nodes(db, { column: 'id', value: id }),
  indicator: (db, id) => indicators(db, { column: 'id', value: id }),
  indicatorValue: (db, id) => indicatorValues(db, { column: 'id', value: id }),
  achievement: (db, id) => achievements(db, { column: 'id', value: id }),
  evaluation: (db, id) => evaluations(db, { column: 'id', value: id }),
  programSheet: (db, id) => programSheets(db, { column: 'id', value: id }),
  source: sources,
};

/** The published record with its version, or undefined, e.g. `await readPublished(db, 'node', 'pillar-1')`. */
export async function readPublished(
  db: Kysely<Database>,
  entity: EditingEntity,
  id: string,
): Promise<Stored | undefined> {
  return (await readers[entity](db, id))[0];
}

export interface PlanRecords {
  plan: Stored<PlanRecord> | undefined;
  node: Stored<NodeRecord>[];
  indicator: Stored<IndicatorRecord>[];
  indicatorValue: Stored<IndicatorValueRecord>[];
  achievement: Stored<AchievementRecord>[];
  evaluation: Stored<EvaluationRecord>[];
  programSheet: Stored<ProgramSheetRecord>[];
}

/** Every editable record of a plan, each table ordered by position (one query per table). */
export async function readPlanRecords(db: Kysely<Database>, planId: string): Promise<PlanRecords> {
  const where: Where = { column: 'plan', value: planId };
  const [plan, node, indicator, indicatorValue, achievement, evaluation, programSheet] = await Promise.all([
    plans(db, planId),
    nodes(db, where),
    indicators(db, where),
    indicatorValues(db, where),
    achievements(db, where),
    evaluations(db, where),
    programSheets(db, where),
  ]);
  return { plan: plan[0], node, indicator, indicatorValue, achievement, evaluation, programSheet };
}
