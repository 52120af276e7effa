/**
 * The ReadStore over Kysely: the same queries on SQLite and PostgreSQL, results in the domain model's shapes.
 *
 * @example const store = createReadStore(openDatabase().db); await store.getPlan('komoro-mirai-2016')
 */

import { type Kysely, sql } from 'kysely';
import { organizationByReference } from '../domain/organization-ref.ts';
import { comparableOrganizations, compareIndicator } from './comparison/index.ts';
import { portableMaxParameters } from './db.ts';
import { readChainHead } from './editing/revisions.ts';
import {
  indicatorsByNode,
  listPlanIndicators,
  observationsOf,
  readNodeSubtree,
  readPlanContent,
} from './plan-content.ts';
import { planHeaderQuery } from './plan-header.ts';
import type { NodeLinkTarget, ReadStore } from './read-store.ts';
import { documentFromRow, organizationFromRow } from './records/document-rows.ts';
import { planFromRow } from './records/plan-rows.ts';
import { documentText } from './registry/documents.ts';
import type { Database } from './schema.ts';
import { withoutUndefined } from './values.ts';

/**
 * The nodes at the other end of the node's links, with their plans: those it continues and those continuing it, each
 * ordered by the plans' publication dates. One query for both directions.
 */
async function linkTargets(db: Kysely<Database>, nodeId: string) {
  const direction = (from: 'node_id' | 'continues_node_id', to: 'node_id' | 'continues_node_id') =>
    db
      .selectFrom('node_link')
      .innerJoin('node', 'node.id', `node_link.${to}`)
      .innerJoin('plan', 'plan.id', 'node.plan_id')
      .select([
        // A literal, not a parameter: PostgreSQL types a parameter in a union's select list as text.
        sql<number>`${sql.lit(from === 'node_id' ? 0 : 1)}`.as('direction'),
        // Named, so that the union's order (SQLite: its result columns' names alone) can name them.
        'node.id as id',
        'node.title as title',
        'node.kind as kind',
        'plan.id as planId',
        'plan.title as planTitle',
        'plan.published_on as publishedOn',
        'node_link.position as position',
      ])
      .where(`node_link.${from}`, '=', nodeId);
  const rows = await direction('node_id', 'continues_node_id')
    .unionAll(direction('continues_node_id', 'node_id'))
    .orderBy('direction')
    .orderBy('publishedOn')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const targets = (wanted: number) =>
    rows
      .filter((row) => Number(row.direction) === wanted)
      .map(
        ({ id, title, kind, planId, planTitle }) =>
          ({ id, title, kind, planId, planTitle }) as NodeLinkTarget,
      );
  return { continues: targets(0), continuedBy: targets(1) };
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
    async listOrganizationsPage({ offset, limit }) {
      const rows = await db
        .selectFrom('organization')
        .selectAll()
        .orderBy('id')
        .offset(offset)
        .limit(limit)
        .execute();
      return rows.map(organizationFromRow);
    },
    async countOrganizations() {
      const row = await db
        .selectFrom('organization')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async findOrganization(reference) {
      const byCode = /^\d{5,6}$/.test(reference);
      const rows = await db
        .selectFrom('organization')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('id', '=', reference),
            ...(byCode ? [eb('municipality_code', 'like', `${reference.slice(0, 5)}%`)] : []),
          ]),
        )
        .orderBy('id')
        .execute();
      // The same choice as organizationByReference makes in the whole list: the id first, then the first code.
      return organizationByReference(rows.map(organizationFromRow), reference);
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
    async continuingPlanIds(planId, nodeIds) {
      // The ids go in twice; past the parameters' limit the plan's whole set is asked, which holds the subset's.
      const narrowed = nodeIds !== undefined && nodeIds.length * 2 <= portableMaxParameters - 100;
      const continuing = !narrowed
        ? db
            .selectFrom('node as earlier')
            .innerJoin('node_link', 'node_link.continues_node_id', 'earlier.id')
            .innerJoin('node as later', 'later.id', 'node_link.node_id')
            .select('later.plan_id')
            .where('earlier.plan_id', '=', planId)
        : db
            .selectFrom('node_link')
            .innerJoin('node as later', 'later.id', 'node_link.node_id')
            .select('later.plan_id')
            .where('node_link.continues_node_id', 'in', nodeIds);
      const organization = db
        .selectFrom('plan as own')
        .select('own.organization_id')
        .where('own.id', '=', planId);
      const rows = await db
        .selectFrom('plan')
        .select('plan.id')
        .$if(nodeIds !== undefined, (q) => q.select((eb) => eb('plan.id', 'in', continuing).as('continues')))
        .where((eb) => eb.or([eb('plan.id', '=', planId), eb('plan.id', 'in', continuing)]))
        .where('plan.organization_id', '=', organization)
        // listPlans' order, which later statuses break ties by.
        .orderBy('plan.published_on')
        .orderBy('plan.id')
        .execute();
      // Of given nodes, nothing when no plan continues them: no later status can apply to them.
      if (nodeIds !== undefined && !rows.some((row) => Boolean(row.continues))) return [];
      return rows.map((r) => r.id);
    },
    getPlanHeader: planHeader,
    async getNode(id, options) {
      // The plan is found by the node's id inside each query: no round trip to ask for it first.
      const [headerRow, found, { continues, continuedBy }] = await Promise.all([
        planHeaderQuery(db)
          .where('plan.id', '=', (eb) =>
            eb.selectFrom('node').select('node.plan_id').where('node.id', '=', id),
          )
          .executeTakeFirst(),
        readNodeSubtree(db, id, options),
        linkTargets(db, id),
      ]);
      const header = headerRow && planFromRow(headerRow);
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
      const [indicator] = (await indicatorsByNode(db, row.plan_id, { ids: [id] })).get(row.node_id) ?? [];
      return indicator && { planId: row.plan_id, nodeId: row.node_id, indicator };
    },
    listIndicators: (planId) => listPlanIndicators(db, planId),
    async getIndicators(planId, ids) {
      const byNode = await indicatorsByNode(db, planId, { ids });
      const found = new Map(
        [...byNode].flatMap(([nodeId, list]) =>
          list.map((indicator) => [indicator.id, { planId, nodeId, indicator }]),
        ),
      );
      return ids.flatMap((id) => found.get(id) ?? []);
    },
    getObservations: (planId, ids) => observationsOf(db, planId, ids),
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
