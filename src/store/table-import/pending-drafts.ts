/**
 * The drafts an import left pending in a plan (created or changed nodes, indicators and values, not yet published):
 * a re-import that lands as drafts again compares with them, so the same file twice creates nothing new.
 */
import type { Kysely } from 'kysely';
import {
  type IndicatorRecord,
  type IndicatorValueRecord,
  type NodeRecord,
  recordSchemas,
} from '../../domain/editing/records.ts';
import { withEditingTables } from '../editing/tables.ts';
import type { Database } from '../schema.ts';

export interface PendingPlanDrafts {
  nodes: NodeRecord[];
  indicators: IndicatorRecord[];
  values: IndicatorValueRecord[];
}

/** The plan's pending create and update drafts of nodes, indicators and values, as the records they would publish. */
export async function pendingPlanDrafts(db: Kysely<Database>, planId: string): Promise<PendingPlanDrafts> {
  const rows = await withEditingTables(db)
    .selectFrom('draft_change')
    .select(['entity', 'data'])
    .where('plan_id', '=', planId)
    .where('action', 'in', ['create', 'update'])
    .where('entity', 'in', ['node', 'indicator', 'indicatorValue'])
    .execute();
  const pending: PendingPlanDrafts = { nodes: [], indicators: [], values: [] };
  for (const row of rows) {
    const data: unknown = JSON.parse(row.data);
    if (row.entity === 'node') {
      const parsed = recordSchemas.node.safeParse(data);
      if (parsed.success) pending.nodes.push(parsed.data);
    } else if (row.entity === 'indicator') {
      const parsed = recordSchemas.indicator.safeParse(data);
      if (parsed.success) pending.indicators.push(parsed.data);
    } else {
      const parsed = recordSchemas.indicatorValue.safeParse(data);
      if (parsed.success) pending.values.push(parsed.data);
    }
  }
  return pending;
}
