/**
 * The ReadStore over Kysely: the same queries on SQLite and PostgreSQL, results in the domain model's shapes.
 *
 * @example const store = createReadStore(openDatabase().db); await store.getPlan('komoro-mirai-2016')
 */

import type { Kysely } from 'kysely';
import { comparableOrganizations, compareIndicator } from './comparison/index.ts';
import { readChainHead } from './editing/revisions.ts';
import { indicatorsByNode, listPlanIndicators, readNodeSubtree, readPlanContent } from './plan-content.ts';
import { planHeaderQuery } from './plan-header.ts';
import type { NodeLinkTarget, ReadStore } from './read-store.ts';
import { documentFromRow, organizationFromRow } from './records/document-rows.ts';
import { planFromRow } from './records/plan-rows.ts';
import { documentText } from './registry/documents.ts';
import type { Database } from './schema.ts';
import { withoutUndefined } from './values.ts';

/** Nodes at either end of a node_link, with their plans, ordered by the plans' publication dates. */
function linkTargets(db: Kysely<Database>, nodeId: string, direction: 'continues' | 'continuedBy') {
  const [from, to] =
    direction === 'continues'
      ? (['node_id', 'continues_node_id'] as const)
      : (['continues_node_id', 'node_id'] as const);
  return db
    .selectFrom('node_link')
    .innerJoin('node', 'node.id', `node_link.${to}`)
    .innerJoin('plan', 'plan.id', 'node.plan_id')
    .select(['node.id', 'node.title', 'node.kind', 'plan.id as planId', 'plan.title as planTitle'])
    .where(`node_link.${from}`, '=', nodeId)
    .orderBy('plan.published_on')
    .orderBy('node_link.position')
    .orderBy('node.id')
    .execute() as Promise<NodeLinkTarget[]>;
}

/** A ReadStore over a migrated database. */
export function createReadStore(db: Kysely<Database>): ReadStore {
  const planHeader = async (id: string) => {
    const row = await planHeaderQuery(db).where('plan.id', '=', id).executeTakeFirst();
    return row && planFromRow(row);
  };
  const getPlan: ReadStore['getPlan'] = async (id, options) => {
    const [header, content] = await Promise.all([planHeader(id), readPlanContent(db, id, options)]);
    return header && { ...header, ...content };
  };

  return {
    historyHead: () => readChainHead(db),
    async listOrganizations(id) {
      const rows = await db
        .selectFrom('organization')
        .selectAll()
        .$if(id !== undefined, (q) => q.where('id', '=', id as string))
        .orderBy('id')
        .execute();
      return rows.map(organizationFromRow);
    },
    async listPlans(organizationId) {
      if (organizationId === undefined) return (await planHeaderQuery(db).execute()).map(planFromRow);
      const ids = typeof organizationId === 'string' ? [organizationId] : organizationId;
      if (ids.length === 0) return [];
      const query = planHeaderQuery(db).where('plan.organization_id', 'in', ids);
      return (await query.execute()).map(planFromRow);
    },
    async plansWithHeadlines() {
      const rows = await db
        .selectFrom('indicator')
        .innerJoin('node', 'node.id', 'indicator.node_id')
        .select('node.plan_id')
        .distinct()
        .where('indicator.highlight', '=', 1)
        .execute();
      return rows.map((r) => r.plan_id);
    },
    getPlan,
    async continuingPlanIds(planId) {
      const continuing = db
        .selectFrom('node as earlier')
        .innerJoin('node_link', 'node_link.continues_node_id', 'earlier.id')
        .innerJoin('node as later', 'later.id', 'node_link.node_id')
        .select('later.plan_id')
        .where('earlier.plan_id', '=', planId);
      const organization = db
        .selectFrom('plan as own')
        .select('own.organization_id')
        .where('own.id', '=', planId);
      const rows = await db
        .selectFrom('plan')
        .select('plan.id')
        .where((eb) => eb.or([eb('plan.id', '=', planId), eb('plan.id', 'in', continuing)]))
        .where('plan.organization_id', '=', organization)
        // listPlans' order, which later statuses break ties by.
        .orderBy('plan.published_on')
        .orderBy('plan.id')
        .execute();
      return rows.map((r) => r.id);
    },
    getPlanHeader: planHeader,
    async getNode(id, options) {
      const row = await db.selectFrom('node').select('plan_id').where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const [header, found, continues, continuedBy] = await Promise.all([
        planHeader(row.plan_id),
        readNodeSubtree(db, row.plan_id, id, options),
        linkTargets(db, id, 'continues'),
        linkTargets(db, id, 'continuedBy'),
      ]);
      if (!header || !found) return undefined;
      return {
        plan: header,
        node: found.node,
        ancestors: found.ancestors.map((a) =>
          withoutUndefined({ id: a.id, kind: a.kind, code: a.code, title: a.title, titleEn: a.titleEn }),
        ),
        continues,
        continuedBy,
      };
    },
    async getIndicator(id) {
      const row = await db
        .selectFrom('indicator')
        .innerJoin('node', 'node.id', 'indicator.node_id')
        .select(['node.plan_id', 'indicator.node_id'])
        .where('indicator.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const [indicator] = (await indicatorsByNode(db, row.plan_id, [id])).get(row.node_id) ?? [];
      return indicator && { planId: row.plan_id, nodeId: row.node_id, indicator };
    },
    listIndicators: (planId) => listPlanIndicators(db, planId),
    async getIndicators(planId, ids) {
      const byNode = await indicatorsByNode(db, planId, ids);
      const found = new Map(
        [...byNode].flatMap(([nodeId, list]) =>
          list.map((indicator) => [indicator.id, { planId, nodeId, indicator }]),
        ),
      );
      return ids.flatMap((id) => found.get(id) ?? []);
    },
    async listDocuments(organizationId) {
      let query = db.selectFrom('source_document').selectAll().orderBy('organization_id').orderBy('position');
      if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
      return (await query.execute()).map(documentFromRow);
    },
    async getDocument(id) {
      const row = await db.selectFrom('source_document').selectAll().where('id', '=', id).executeTakeFirst();
      return row && documentFromRow(row);
    },
    getDocumentText: (id) => documentText(db, id),
    compareIndicator: (key, options) => compareIndicator(db, key, options),
    comparableOrganizations: (keys, organizationId) => comparableOrganizations(db, keys, organizationId),
  };
}
