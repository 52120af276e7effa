/**
 * Every published record as the tables hold it, for comparing with the replayed history
 * (src/domain/editing/log-replay.ts): the same flat records the history's revisions store.
 */
import { type Kysely, sql } from 'kysely';
import type { StoredRecord } from '../../domain/editing/log-replay.ts';
import { type EditingEntity, editingEntities } from '../../domain/editing/records.ts';
import type { Database } from '../schema.ts';
import { readPlanRecords } from './published-records.ts';
import { tableOf } from './record-writes.ts';

/** The entities a plan's records cover; 'source' rows are checked through the records that cite them. */
export const storedEntities = editingEntities.filter(
  (entity): entity is Exclude<EditingEntity, 'source'> => entity !== 'source',
);

// Source columns of one plan's rows, found as readPlanRecords finds the rows: the entity, its id, and the
// record fields `source` and (nodes only) `statusSource`.
function sourceColumnsOfPlan(db: Kysely<Database>, planId: string) {
  const noStatus = sql<string | null>`cast(null as text)`.as('status_source_id');
  const entity = (name: EditingEntity) => sql<EditingEntity>`${sql.lit(name)}`.as('entity');
  return db
    .selectFrom('plan')
    .select([
      entity('plan'),
      'plan.id',
      sql<string | null>`${sql.ref('plan.source_id')}`.as('source_id'),
      noStatus,
    ])
    .where('plan.id', '=', planId)
    .unionAll(
      db
        .selectFrom('node')
        .select([entity('node'), 'node.id', 'node.source_id', 'node.status_source_id'])
        .where('node.plan_id', '=', planId),
    )
    .unionAll(
      db
        .selectFrom('indicator_value')
        .innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id')
        .innerJoin('node', 'node.id', 'indicator.node_id')
        .select([entity('indicatorValue'), 'indicator_value.id', 'indicator_value.source_id', noStatus])
        .where('node.plan_id', '=', planId),
    )
    .unionAll(
      db
        .selectFrom('achievement')
        .innerJoin('node', 'node.id', 'achievement.node_id')
        .select([entity('achievement'), 'achievement.id', 'achievement.source_id', noStatus])
        .where('node.plan_id', '=', planId),
    )
    .unionAll(
      db
        .selectFrom('evaluation')
        .select([entity('evaluation'), 'evaluation.id', 'evaluation.source_id', noStatus])
        .where('evaluation.plan_id', '=', planId),
    )
    .unionAll(
      db
        .selectFrom('program_sheet')
        .innerJoin('node', 'node.id', 'program_sheet.node_id')
        .select([entity('programSheet'), 'program_sheet.id', 'program_sheet.source_id', noStatus])
        .where('node.plan_id', '=', planId),
    );
}

// One query for all six tables: a plan's check runs fewer round trips, 1,741 times over.
async function sourceIdsOfPlan(
  db: Kysely<Database>,
  planId: string,
): Promise<Map<string, Record<string, string>>> {
  const ids = new Map<string, Record<string, string>>();
  for (const row of await sourceColumnsOfPlan(db, planId).execute()) {
    const fields: Record<string, string> = {};
    if (row.source_id) fields.source = row.source_id;
    if (row.status_source_id) fields.statusSource = row.status_source_id;
    ids.set(`${row.entity}/${row.id}`, fields);
  }
  return ids;
}

/** Every plan's id, in the order `mieruka verify` checks them. */
export async function listPlanIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('plan').select('id').orderBy('id').execute()).map((row) => row.id);
}

/**
 * Every record of one plan, e.g. `(await readStoredRecordsOfPlan(db, 'komoro-mirai-2016')).length // 1,204`.
 */
export async function readStoredRecordsOfPlan(db: Kysely<Database>, planId: string): Promise<StoredRecord[]> {
  const [records, sourceIds] = await Promise.all([readPlanRecords(db, planId), sourceIdsOfPlan(db, planId)]);
  const stored: StoredRecord[] = [];
  const add = (entity: EditingEntity, record: { id: string }) =>
    stored.push({
      entity,
      id: record.id,
      record: record as Record<string, unknown>,
      sourceIds: sourceIds.get(`${entity}/${record.id}`) ?? {},
    });
  if (records.plan) add('plan', records.plan.record);
  for (const entity of storedEntities) {
    if (entity === 'plan') continue;
    for (const { record } of records[entity]) add(entity, record);
  }
  return stored;
}

/**
 * Which of the given records still have a row in their table, under whatever plan: a few at a time, by id.
 * @example await storedKeys(db, [{ entity: 'node', id: 'n1' }]) // Set { 'node/n1' }
 */
export async function storedKeys(
  db: Kysely<Database>,
  records: readonly { entity: string; id: string }[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const entity of storedEntities) {
    const table = tableOf[entity];
    const ids = records.filter((r) => r.entity === entity).map((r) => r.id);
    for (let start = 0; start < ids.length; start += 500) {
      const rows = await db
        .selectFrom(table as 'node')
        .select('id')
        .where('id', 'in', ids.slice(start, start + 500))
        .execute();
      for (const row of rows) found.add(`${entity}/${row.id}`);
    }
  }
  return found;
}
