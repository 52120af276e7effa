/**
 * Every published record as the tables hold it, for comparing with the replayed history
 * (src/domain/editing/log-replay.ts): the same flat records the history's revisions store.
 */
import type { Kysely } from 'kysely';
import type { StoredRecord } from '../../domain/editing/log-replay.ts';
import { type EditingEntity, editingEntities } from '../../domain/editing/records.ts';
import type { Database } from '../schema.ts';
import { readPlanRecords } from './published-records.ts';

/** The entities a plan's records cover; 'source' rows are checked through the records that cite them. */
export const storedEntities = editingEntities.filter(
  (entity): entity is Exclude<EditingEntity, 'source'> => entity !== 'source',
);

type SourceTable = 'plan' | 'node' | 'indicator_value' | 'achievement' | 'evaluation' | 'program_sheet';

// The source columns of each table and the record field each one fills.
const sourceColumns: { entity: EditingEntity; table: SourceTable; columns: [string, string][] }[] = [
  { entity: 'plan', table: 'plan', columns: [['source_id', 'source']] },
  {
    entity: 'node',
    table: 'node',
    columns: [
      ['source_id', 'source'],
      ['status_source_id', 'statusSource'],
    ],
  },
  { entity: 'indicatorValue', table: 'indicator_value', columns: [['source_id', 'source']] },
  { entity: 'achievement', table: 'achievement', columns: [['source_id', 'source']] },
  { entity: 'evaluation', table: 'evaluation', columns: [['source_id', 'source']] },
  { entity: 'programSheet', table: 'program_sheet', columns: [['source_id', 'source']] },
];

async function sourceIdsByRecord(db: Kysely<Database>): Promise<Map<string, Record<string, string>>> {
  const ids = new Map<string, Record<string, string>>();
  for (const { entity, table, columns } of sourceColumns) {
    const rows = (await db
      .selectFrom(table)
      .select(['id', ...columns.map(([column]) => column)] as never[])
      .execute()) as Record<string, string | null>[];
    for (const row of rows) {
      const fields: Record<string, string> = {};
      for (const [column, field] of columns) if (row[column]) fields[field] = row[column];
      ids.set(`${entity}/${row.id}`, fields);
    }
  }
  return ids;
}

/**
 * Every record of every plan, e.g. `(await readStoredRecords(db)).length // 1,204 for the demo`.
 */
export async function readStoredRecords(db: Kysely<Database>): Promise<StoredRecord[]> {
  const plans = await db.selectFrom('plan').select('id').orderBy('id').execute();
  const sourceIds = await sourceIdsByRecord(db);
  const stored: StoredRecord[] = [];
  const add = (entity: EditingEntity, record: { id: string }) =>
    stored.push({
      entity,
      id: record.id,
      record: record as Record<string, unknown>,
      sourceIds: sourceIds.get(`${entity}/${record.id}`) ?? {},
    });
  for (const { id } of plans) {
    const records = await readPlanRecords(db, id);
    if (records.plan) add('plan', records.plan.record);
    for (const entity of storedEntities) {
      if (entity === 'plan') continue;
      for (const { record } of records[entity]) add(entity, record);
    }
  }
  return stored;
}
