/**
 * The records of plans being written whole, built from the very rows that are written (dataset-rows.ts) through the
 * store's own row readers, as `readPlanRecords` would read them back once stored. An import records its history
 * from these instead of reading thousands of rows back: on a national set that read-back cost more than the writes,
 * and its joins were planned from statistics taken when the tables were far smaller (a sequential scan of every
 * organization's indicators per plan). records-from-rows.test.ts holds both equal on both databases.
 */
import type { Insertable } from 'kysely';
import type { DatasetRows } from '../dataset-rows.ts';
import { achievementRecordFromRow } from '../records/achievement-rows.ts';
import { evaluationRecordFromRow } from '../records/evaluation-rows.ts';
import { indicatorRecordFromRow } from '../records/indicator-rows.ts';
import { indicatorValueRecordFromRow } from '../records/indicator-value-rows.ts';
import { nodeFromRow } from '../records/node-rows.ts';
import { planRecordFromRow } from '../records/plan-rows.ts';
import { programSheetRecordFromRow } from '../records/program-sheet-rows.ts';
import { requiredSourceFromRow } from '../records/source-rows.ts';
import type { SourceTable } from '../schema.ts';
import type { PlanRecords } from './published-records.ts';

// A row as it reads back: the table's default version, its own columns, and its source's columns prefixed.
type ReadBack = Record<string, unknown>;

const stored = <R>(record: R) => ({ record, version: 1 });
const byPosition = (a: { record: { position: number } }, b: { record: { position: number } }) =>
  a.record.position - b.record.position;

function prefixed(prefix: 'src' | 'ssrc', source: Insertable<SourceTable> | undefined): ReadBack {
  return {
    [`${prefix}_document_id`]: source?.document_id ?? null,
    [`${prefix}_section`]: source?.section ?? null,
    [`${prefix}_line`]: source?.line ?? null,
    [`${prefix}_page`]: source?.page ?? null,
    [`${prefix}_quote`]: source?.quote ?? null,
    [`${prefix}_url`]: source?.url ?? null,
  };
}

/**
 * Every plan's records in `rows` by plan id, each table ordered by position as `readPlanRecords` orders them:
 * `recordsFromRows(datasetRows(doc)).get('komoro-mirai-2016')?.indicator.length`.
 */
export function recordsFromRows(rows: DatasetRows): Map<string, PlanRecords> {
  const sources = new Map(rows.source.map((s) => [s.id as string, s]));
  const withSource = (row: object, sourceId: string | null | undefined): ReadBack => ({
    version: 1,
    ...row,
    ...prefixed('src', sourceId == null ? undefined : sources.get(sourceId)),
  });
  const organizations = new Map(rows.organization.map((o) => [o.id, o]));
  const out = new Map<string, PlanRecords>();
  const of = (planId: string): PlanRecords => {
    let records = out.get(planId);
    if (records === undefined) {
      records = {
        plan: undefined,
        node: [],
        indicator: [],
        indicatorValue: [],
        achievement: [],
        evaluation: [],
        programSheet: [],
      };
      out.set(planId, records);
    }
    return records;
  };
  for (const plan of rows.plan) {
    const organization = organizations.get(plan.organization_id);
    const row = {
      ...withSource(plan, plan.source_id),
      organization_name: organization?.name,
      organization_name_en: organization?.name_en ?? null,
      organization_municipality_code: organization?.municipality_code ?? null,
    };
    of(plan.id).plan = stored(planRecordFromRow(row as never));
  }
  const planOfNode = new Map<string, string>();
  for (const node of rows.node) {
    planOfNode.set(node.id, node.plan_id);
    const row = {
      ...withSource(node, node.source_id),
      ...prefixed('ssrc', node.status_source_id == null ? undefined : sources.get(node.status_source_id)),
    };
    of(node.plan_id).node.push(stored(nodeFromRow(row as never)));
  }
  const planOfIndicator = new Map<string, string>();
  for (const indicator of rows.indicator) {
    const planId = planOfNode.get(indicator.node_id)!;
    planOfIndicator.set(indicator.id, planId);
    of(planId).indicator.push(stored(indicatorRecordFromRow({ version: 1, ...indicator } as never)));
  }
  for (const value of rows.indicator_value) {
    const row = withSource(value, value.source_id);
    of(planOfIndicator.get(value.indicator_id)!).indicatorValue.push(
      stored(indicatorValueRecordFromRow(row as never, requiredSourceFromRow(row as never))),
    );
  }
  for (const achievement of rows.achievement) {
    const row = withSource(achievement, achievement.source_id);
    of(planOfNode.get(achievement.node_id)!).achievement.push(stored(achievementRecordFromRow(row as never)));
  }
  for (const evaluation of rows.evaluation) {
    const row = withSource(evaluation, evaluation.source_id);
    of(evaluation.plan_id).evaluation.push(stored(evaluationRecordFromRow(row as never)));
  }
  for (const sheet of rows.program_sheet) {
    const row = withSource(sheet, sheet.source_id);
    of(planOfNode.get(sheet.node_id)!).programSheet.push(stored(programSheetRecordFromRow(row as never)));
  }
  for (const records of out.values()) {
    records.node.sort(byPosition);
    records.indicator.sort(byPosition);
    records.indicatorValue.sort(byPosition);
    records.achievement.sort(byPosition);
    records.evaluation.sort(byPosition);
    records.programSheet.sort(byPosition);
  }
  return out;
}
