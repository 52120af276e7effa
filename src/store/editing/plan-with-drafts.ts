/**
 * The staff view of a plan: published flat records with each draft laid over them, nested again into the
 * domain shapes the public pages already render, plus a side map from record id to its draft.
 */
import type { Kysely } from 'kysely';
import type { EditingRecords } from '../../domain/editing/records.ts';
import type {
  Achievement,
  Evaluation,
  Indicator,
  Observation,
  PlanNode,
  ProgramSheet,
} from '../../domain/model.ts';
import { generatedIdSeparator } from '../dataset-rows.ts';
import { assembleTree, type NodeParts } from '../plan-tree.ts';
import { createReadStore } from '../queries.ts';
import type { Database } from '../schema.ts';
import type { DraftChange, IndicatorValueIds, PlanWithDrafts } from './contract.ts';
import { listDrafts } from './draft-rows.ts';
import { readPlanRecords } from './published-records.ts';

type Overlaid = { [E in keyof EditingRecords]: Map<string, EditingRecords[E]> };

function overlay(records: Awaited<ReturnType<typeof readPlanRecords>>, drafts: DraftChange[]): Overlaid {
  const byId = <R extends { id: string }>(list: { record: R }[]) =>
    new Map(list.map(({ record }) => [record.id, record]));
  const maps: Overlaid = {
    plan: new Map(records.plan ? [[records.plan.record.id, records.plan.record]] : []),
    node: byId(records.node),
    indicator: byId(records.indicator),
    indicatorValue: byId(records.indicatorValue),
    achievement: byId(records.achievement),
    evaluation: byId(records.evaluation),
    programSheet: byId(records.programSheet),
    source: new Map(),
  };
  // A delete draft keeps its item in the tree, marked, so staff see what will go.
  for (const draft of drafts) (maps[draft.entity] as Map<string, unknown>).set(draft.entityId, draft.data);
  return maps;
}

const byPosition = <R extends { position: number; id: string }>(list: Iterable<R>) =>
  [...list].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));

function group<R, K>(list: R[], key: (r: R) => K): Map<K, R[]> {
  const map = new Map<K, R[]>();
  for (const item of list) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

function indicators(maps: Overlaid, published: Map<string, Indicator>): Map<string, Indicator[]> {
  const values = group(byPosition(maps.indicatorValue.values()), (o) => o.indicatorId);
  const list = byPosition(maps.indicator.values()).map(({ nodeId, position: _p, ...fields }) => {
    const own = values.get(fields.id) ?? [];
    const point = (role: 'baseline' | 'target') => {
      const found = own.find((o) => o.role === role);
      if (!found) return null;
      const { id: _id, indicatorId: _i, role: _r, position: _q, ...value } = found;
      return value;
    };
    const observations: Observation[] = own
      .filter((o) => o.role === 'observation')
      .map(({ indicatorId: _i, role: _r, position: _q, id, ...value }) =>
        id.includes(generatedIdSeparator) ? value : { id, ...value },
      );
    const indicator: Indicator = {
      ...fields,
      baseline: point('baseline'),
      target: point('target'),
      observations,
      reported: published.get(fields.id)?.reported ?? [],
    };
    return { nodeId, indicator };
  });
  return new Map([...group(list, (i) => i.nodeId)].map(([k, v]) => [k, v.map((i) => i.indicator)]));
}

/** The value record ids of each indicator, ordered as `indicators` orders the values it nests. */
function valueIdsOf(maps: Overlaid): Record<string, IndicatorValueIds> {
  const byIndicator = group(byPosition(maps.indicatorValue.values()), (o) => o.indicatorId);
  return Object.fromEntries(
    [...maps.indicator.keys()].map((id) => {
      const own = byIndicator.get(id) ?? [];
      const idOf = (role: 'baseline' | 'target') => own.find((o) => o.role === role)?.id ?? null;
      const observations = own.filter((o) => o.role === 'observation').map((o) => o.id);
      return [id, { baseline: idOf('baseline'), target: idOf('target'), observations }];
    }),
  );
}

function publishedParts(
  nodes: PlanNode[],
  into = { indicators: new Map<string, Indicator>(), continues: new Map<string, string[]>() },
) {
  for (const node of nodes) {
    into.continues.set(node.id, node.continues);
    for (const indicator of node.indicators) into.indicators.set(indicator.id, indicator);
    publishedParts(node.children, into);
  }
  return into;
}

const nodeEvaluations = (maps: Overlaid) =>
  byPosition(maps.evaluation.values()).flatMap((e) =>
    e.nodeId === null ? [] : [{ ...e, nodeId: e.nodeId }],
  );

/** Evaluations of the plan itself, drafts laid over. */
function planEvaluations(maps: Overlaid): Evaluation[] {
  return byPosition(maps.evaluation.values())
    .filter((e) => e.nodeId === null)
    .map(({ nodeId: _n, planId: _p, position: _q, ...e }) => e);
}

function tree(maps: Overlaid, publishedNodes: PlanNode[]): PlanNode[] {
  const published = publishedParts(publishedNodes);
  const strip = <R extends { nodeId: string; position: number }>({ nodeId: _n, position: _p, ...rest }: R) =>
    rest;
  const parts: NodeParts = {
    continues: published.continues,
    achievements: new Map(
      [...group(byPosition(maps.achievement.values()), (a) => a.nodeId)].map(([k, v]) => [
        k,
        v.map((a) => strip(a) as Achievement),
      ]),
    ),
    evaluations: new Map(
      [...group(nodeEvaluations(maps), (e) => e.nodeId)].map(([k, v]) => [
        k,
        v.map((e) => strip(e) as Evaluation),
      ]),
    ),
    indicators: indicators(maps, published.indicators),
    programSheets: new Map(
      [...group(byPosition(maps.programSheet.values()), (s) => s.nodeId)].map(([k, v]) => [
        k,
        v.map((s) => strip(s) as ProgramSheet),
      ]),
    ),
  };
  return assembleTree(byPosition(maps.node.values()), parts);
}

/** The plan as staff see it, or undefined when neither published nor drafted. */
export async function getPlanWithDrafts(
  db: Kysely<Database>,
  planId: string,
): Promise<PlanWithDrafts | undefined> {
  const [published, records, drafts] = await Promise.all([
    createReadStore(db).getPlan(planId),
    readPlanRecords(db, planId),
    listDrafts(db, planId),
  ]);
  const maps = overlay(records, drafts);
  const planRecord = maps.plan.get(planId);
  if (!planRecord) return undefined;
  const organization = published?.organization ?? (await organizationOf(db, planRecord.organizationId));
  if (!organization) return undefined;
  const { organizationId: _o, ...header } = planRecord;
  const shown = new Set([
    ...maps.node.keys(),
    ...maps.indicator.keys(),
    ...maps.indicatorValue.keys(),
    ...maps.achievement.keys(),
    ...maps.evaluation.keys(),
    ...maps.programSheet.keys(),
    planId,
  ]);
  return {
    plan: {
      ...header,
      organization,
      statements: published?.statements ?? [],
      nodes: tree(maps, published?.nodes ?? []),
      evaluations: planEvaluations(maps),
    },
    drafts: Object.fromEntries(
      drafts
        .filter((d) => d.entity !== 'source')
        .map((d) => [d.entityId, { id: d.id, action: d.action, version: d.version, entity: d.entity }]),
    ),
    pending: drafts.filter((d) => d.entity === 'source' || !shown.has(d.entityId)),
    valueIds: valueIdsOf(maps),
  };
}

async function organizationOf(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('organization')
    .select(['id', 'name', 'municipality_code'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, municipalityCode: row.municipality_code };
}
