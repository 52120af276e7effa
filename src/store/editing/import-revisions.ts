/**
 * How a whole plan's import enters the history. Up to `perRecordRevisionLimit` records, one 'import' revision per
 * imported record (plan, node, indicator, indicatorValue, achievement, evaluation), so each item's public history
 * starts with the wording it was imported with. Above it, one revision per plan, as a large table import writes
 * (src/store/table-import/import-revisions.ts): its `after` holds every record as compact columns, and
 * `mieruka verify` replays those records against the tables as it replays single ones. An organization of 300
 * indicators with ten years of values is 4,000 records: hashing a revision for each cost more than writing them.
 */
import type { Kysely } from 'kysely';
import { type ColumnarRecords, columnarRecords } from '../../domain/editing/columnar-records.ts';
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { Database } from '../schema.ts';
import type { RevisionInput } from './contract.ts';
import { type PlanRecords, readPlanRecords } from './published-records.ts';
import { appendRevisions, appendSerialisedRevisions, type SerialisedRevisionInput } from './revisions.ts';

/** Written records at or under this count get a revision each; more get one revision per plan. */
export const perRecordRevisionLimit = 1_000;

export interface ImportRevisionOptions {
  /** Login recorded as the actor; "system" when a command rather than a person imported. */
  actor?: string;
  reason?: string | null;
  /** The imported file's name, kept in a batched revision (default "interchange.json"). */
  file?: string;
}

/** The entities a plan's records hold besides the plan itself, in the order a plan's revisions list them. */
export const attachedEntities = [
  'node',
  'indicator',
  'indicatorValue',
  'achievement',
  'evaluation',
  'programSheet',
] as const satisfies readonly EditingEntity[];

/**
 * Records the import of the given plans, reading back what was stored, and returns how many revisions it appended:
 * `await recordImport(trx, ['komoro-mirai-2016']) // 260`.
 */
export async function recordImport(
  trx: Kysely<Database>,
  planIds: readonly string[],
  options: ImportRevisionOptions = {},
): Promise<number> {
  const records = new Map<string, PlanRecords>();
  for (const planId of planIds) records.set(planId, await readPlanRecords(trx, planId));
  return recordImportOf(trx, records, options);
}

/**
 * The same for plans whose records the caller already holds, as they are stored (e.g. `recordsFromRows` of the
 * rows it has just written): `await recordImportOf(trx, recordsFromRows(rows), { file: 'org.json' })`.
 */
export async function recordImportOf(
  trx: Kysely<Database>,
  recordsByPlan: ReadonlyMap<string, PlanRecords>,
  { actor = 'system', reason = null, file = 'interchange.json' }: ImportRevisionOptions = {},
): Promise<number> {
  const inputs: RevisionInput[] = [];
  const byPlan = new Map<string, Map<EditingEntity, object[]>>();
  for (const [planId, records] of recordsByPlan) {
    const base = { planId, action: 'import' as const, actor, reason, before: null, published: true };
    const entities = new Map<EditingEntity, object[]>();
    byPlan.set(planId, entities);
    if (records.plan) {
      inputs.push({ ...base, entity: 'plan', entityId: planId, after: records.plan.record });
      entities.set('plan', [records.plan.record]);
    }
    for (const entity of attachedEntities) {
      for (const { record } of records[entity])
        inputs.push({ ...base, entity, entityId: record.id, after: record });
      if (records[entity].length > 0)
        entities.set(
          entity,
          records[entity].map(({ record }) => record),
        );
    }
  }
  if (inputs.length <= perRecordRevisionLimit) return (await appendRevisions(trx, inputs)).length;
  const serialised: SerialisedRevisionInput[] = [];
  for (const [planId, entities] of byPlan) {
    if (entities.size === 0) continue;
    const created: Record<string, ColumnarRecords> = {};
    let count = 0;
    for (const entity of [...entities.keys()].sort()) {
      const records = entities.get(entity)!;
      created[entity] = columnarRecords(records);
      count += records.length;
    }
    const summary = {
      counts: { created: count, updated: 0, unchanged: 0, rejected: 0 },
      created,
      file,
      updated: {},
    };
    serialised.push({
      entity: 'plan',
      entityId: planId,
      planId,
      action: 'import',
      actor,
      reason,
      before: null,
      published: true,
      afterJson: canonicalJson(summary),
    });
  }
  await appendSerialisedRevisions(trx, serialised);
  return serialised.length;
}
