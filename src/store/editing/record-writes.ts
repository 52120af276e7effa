/**
 * Writes a flat record to the public tables: the inverse of published-records.ts. A record's source
 * references are its own rows, updated in place, added when first given, removed when dropped.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EditingEntity, EditingRecord, EditingRecords } from '../../domain/editing/records.ts';
import type { SourceRef } from '../../domain/model.ts';
import { achievementToRow } from '../records/achievement-rows.ts';
import { evaluationToRow } from '../records/evaluation-rows.ts';
import { indicatorToRow } from '../records/indicator-rows.ts';
import { indicatorValueToRow } from '../records/indicator-value-rows.ts';
import { nodeToRow } from '../records/node-rows.ts';
import { planToRow } from '../records/plan-rows.ts';
import { programSheetToRow } from '../records/program-sheet-rows.ts';
import { sourceToRow } from '../records/source-rows.ts';
import type { Database } from '../schema.ts';

type Trx = Kysely<Database>;

export const tableOf = {
  plan: 'plan',
  node: 'node',
  indicator: 'indicator',
  indicatorValue: 'indicator_value',
  achievement: 'achievement',
  evaluation: 'evaluation',
  programSheet: 'program_sheet',
  source: 'source',
} as const satisfies Record<EditingEntity, keyof Database>;

/** The source columns each entity's row carries. */
const sourceSlots = {
  plan: [['source_id', 'source']],
  node: [
    ['source_id', 'source'],
    ['status_source_id', 'statusSource'],
  ],
  indicator: [],
  indicatorValue: [['source_id', 'source']],
  achievement: [['source_id', 'source']],
  evaluation: [['source_id', 'source']],
  programSheet: [['source_id', 'source']],
  source: [],
} as const satisfies Record<EditingEntity, readonly (readonly [string, string])[]>;

const toRow: {
  [E in Exclude<EditingEntity, 'evaluation'>]: (record: EditingRecords[E]) => Record<string, unknown>;
} = {
  plan: planToRow,
  node: nodeToRow,
  indicator: indicatorToRow,
  indicatorValue: indicatorValueToRow,
  achievement: achievementToRow,
  programSheet: programSheetToRow,
  source: sourceToRow,
};

/** The plan an evaluation row belongs to: its own planId (an evaluation of the plan) or its node's plan. */
async function evaluationPlanId(trx: Trx, record: EditingRecords['evaluation']): Promise<string> {
  if (record.planId !== undefined) return record.planId;
  const node = await trx
    .selectFrom('node')
    .select('plan_id')
    .where('id', '=', record.nodeId ?? '')
    .executeTakeFirst();
  return node?.plan_id ?? '';
}

/** The row's own columns (no id, sources, version or stamps), from the entity's one row mapping. */
export async function rowColumns<E extends EditingEntity>(
  trx: Trx,
  entity: E,
  record: EditingRecords[E],
): Promise<Record<string, unknown>> {
  if (entity === 'evaluation') {
    const evaluation = record as EditingRecords['evaluation'];
    return evaluationToRow({ ...evaluation, planId: await evaluationPlanId(trx, evaluation) });
  }
  return (
    toRow[entity as Exclude<EditingEntity, 'evaluation'>] as (r: EditingRecord) => Record<string, unknown>
  )(record);
}

async function currentSourceIds(
  trx: Trx,
  entity: EditingEntity,
  id: string,
): Promise<Record<string, string | null>> {
  const slots = sourceSlots[entity].map(([column]) => column);
  if (slots.length === 0) return {};
  const row = await trx
    .selectFrom(tableOf[entity])
    .select(slots as never[])
    .where('id', '=', id)
    .executeTakeFirst();
  return (row ?? {}) as Record<string, string | null>;
}

/** Updates, adds or drops each source slot; returns the column values and the source rows to delete afterwards. */
async function syncSources(
  trx: Trx,
  entity: EditingEntity,
  record: EditingRecord,
  current: Record<string, string | null>,
  stamp: string,
): Promise<{ set: Record<string, string | null>; orphans: string[] }> {
  const set: Record<string, string | null> = {};
  const orphans: string[] = [];
  for (const [column, field] of sourceSlots[entity]) {
    const ref = (record as Record<string, unknown>)[field] as SourceRef | undefined;
    const existing = current[column] ?? null;
    if (ref && existing) {
      await trx
        .updateTable('source')
        .set((eb) => ({ ...sourceToRow(ref), updated_at: stamp, version: eb('version', '+', 1) }))
        .where('id', '=', existing)
        .execute();
      set[column] = existing;
    } else if (ref) {
      const id = randomUUID();
      await trx
        .insertInto('source')
        .values({ id, ...sourceToRow(ref), created_at: stamp, updated_at: stamp })
        .execute();
      set[column] = id;
    } else {
      set[column] = null;
      if (existing) orphans.push(existing);
    }
  }
  return { set, orphans };
}

/** Inserts or updates the record's row and its sources; resolves with the row's new version. */
export async function writeRecord(
  trx: Trx,
  entity: EditingEntity,
  record: EditingRecord,
  exists: boolean,
  stamp: string,
): Promise<number> {
  const current = exists ? await currentSourceIds(trx, entity, record.id) : {};
  const { set, orphans } = await syncSources(trx, entity, record, current, stamp);
  const values = { ...(await rowColumns(trx, entity, record as never)), ...set };
  const table = tableOf[entity];
  let version = 1;
  if (exists) {
    const row = await trx
      .updateTable(table)
      .set((eb) => ({ ...values, updated_at: stamp, version: eb('version', '+', 1) }) as never)
      .where('id', '=', record.id)
      .returning('version')
      .executeTakeFirst();
    version = Number(row?.version ?? 0);
  } else {
    await trx
      .insertInto(table)
      .values({ id: record.id, ...values, created_at: stamp, updated_at: stamp } as never)
      .execute();
  }
  if (orphans.length > 0) await trx.deleteFrom('source').where('id', 'in', orphans).execute();
  return version;
}

/** Deletes the record's row, the parts that only it owns (node links, reported figures, statements) and its sources. */
export async function deleteRecord(trx: Trx, entity: EditingEntity, id: string): Promise<void> {
  const sources = Object.values(await currentSourceIds(trx, entity, id)).filter(
    (s): s is string => s !== null,
  );
  if (entity === 'node') await trx.deleteFrom('node_link').where('node_id', '=', id).execute();
  if (entity === 'indicator') {
    const figures = await trx
      .selectFrom('reported_figure')
      .select('source_id')
      .where('indicator_id', '=', id)
      .execute();
    await trx.deleteFrom('reported_figure').where('indicator_id', '=', id).execute();
    sources.push(...figures.map((f) => f.source_id));
  }
  if (entity === 'plan') {
    const statements = await trx
      .selectFrom('plan_statement')
      .select('source_id')
      .where('plan_id', '=', id)
      .execute();
    await trx.deleteFrom('plan_statement').where('plan_id', '=', id).execute();
    sources.push(...statements.map((s) => s.source_id));
  }
  await trx.deleteFrom(tableOf[entity]).where('id', '=', id).execute();
  if (sources.length > 0) await trx.deleteFrom('source').where('id', 'in', sources).execute();
}
