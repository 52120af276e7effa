/**
 * One 'import' revision per imported record (plan, node, indicator, indicatorValue, achievement, evaluation),
 * so each item's public history starts with the wording it was imported with.
 */
import type { Kysely } from 'kysely';
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { Database } from '../schema.ts';
import type { Revision, RevisionInput } from './contract.ts';
import { readPlanRecords } from './published-records.ts';
import { appendRevisions } from './revisions.ts';

export interface ImportRevisionOptions {
  /** Login recorded as the actor; "system" when a command rather than a person imported. */
  actor?: string;
  reason?: string | null;
}

const attachedEntities = [
  'node',
  'indicator',
  'indicatorValue',
  'achievement',
  'evaluation',
  'programSheet',
] as const satisfies readonly EditingEntity[];

/** Records the import of the given plans, reading back what was stored: `await recordImport(trx, ['komoro-mirai-2016'])`. */
export async function recordImport(
  trx: Kysely<Database>,
  planIds: readonly string[],
  { actor = 'system', reason = null }: ImportRevisionOptions = {},
): Promise<Revision[]> {
  const inputs: RevisionInput[] = [];
  for (const planId of planIds) {
    const records = await readPlanRecords(trx, planId);
    const base = { planId, action: 'import' as const, actor, reason, before: null, published: true };
    if (records.plan) inputs.push({ ...base, entity: 'plan', entityId: planId, after: records.plan.record });
    for (const entity of attachedEntities) {
      for (const { record } of records[entity])
        inputs.push({ ...base, entity, entityId: record.id, after: record });
    }
  }
  return appendRevisions(trx, inputs);
}
