/**
 * Reads a plan's statements and whole node tree with a fixed number of queries (one per table, not one per node),
 * then groups the rows in memory. Every query is ordered by position so arrays come back as they were saved.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type {
  Evaluation,
  Indicator,
  Observation,
  PlanNode,
  PlanStatement,
  ProgramSheet,
  ReportedFigure,
} from '../domain/model.ts';
import { figureObservations, findWithAncestors } from '../domain/plan-tree.ts';
import { generatedIdSeparator } from './dataset-rows.ts';
import { portableMaxParameters } from './db.ts';
import { assembleSubtree, assembleTree, type NodeParts, subtreeIds } from './plan-tree.ts';
import type { IndicatorListing, ObservationsRead, PlanReadOptions } from './read-store.ts';
import { achievementFromRow } from './records/achievement-rows.ts';
import { evaluationFromRow } from './records/evaluation-rows.ts';
import { indicatorFromRow, indicatorModelColumns } from './records/indicator-rows.ts';
import { indicatorValueFromRow } from './records/indicator-value-rows.ts';
import { nodeFromRow, selectNodesWithSources } from './records/node-rows.ts';
import { programSheetFromRow } from './records/program-sheet-rows.ts';
import { reportedFigureFromRow } from './records/reported-figure-rows.ts';
import { sourceColumns } from './records/source-rows.ts';
import { statementFromRow } from './records/statement-rows.ts';
import type { Database } from './schema.ts';

function statements(db: Kysely<Database>, planId: string) {
  return db
    .selectFrom('plan_statement')
    .innerJoin('source as src', 'src.id', 'plan_statement.source_id')
    .selectAll('plan_statement')
    .select(sourceColumns)
    .where('plan_statement.plan_id', '=', planId)
    .orderBy('plan_statement.position')
    .execute();
}

function nodes(db: Kysely<Database>, planId: string) {
  return selectNodesWithSources(db).where('node.plan_id', '=', planId).orderBy('node.position').execute();
}

/** The nodes of the plan holding `nodeId`, found in the same query: no round trip to learn the plan first. */
function nodesBeside(db: Kysely<Database>, nodeId: string) {
  return selectNodesWithSources(db)
    .where('node.plan_id', '=', (eb) =>
      eb.selectFrom('node as named').select('named.plan_id').where('named.id', '=', nodeId),
    )
    .orderBy('node.position')
    .execute();
}

/** Node ids a read is narrowed to (a node page's subtree), or undefined for the whole plan. */
type NodeScope = readonly string[] | undefined;

function links(db: Kysely<Database>, planId: string, scope?: NodeScope) {
  return db
    .selectFrom('node_link')
    .innerJoin('node', 'node.id', 'node_link.node_id')
    .select(['node_link.node_id', 'node_link.continues_node_id'])
    .where('node.plan_id', '=', planId)
    .$if(scope !== undefined, (q) => q.where('node_link.node_id', 'in', scope as string[]))
    .orderBy('node_link.position')
    .execute();
}

function achievements(db: Kysely<Database>, planId: string, scope?: NodeScope) {
  return db
    .selectFrom('achievement')
    .innerJoin('node', 'node.id', 'achievement.node_id')
    .innerJoin('source as src', 'src.id', 'achievement.source_id')
    .selectAll('achievement')
    .select(sourceColumns)
    .where('node.plan_id', '=', planId)
    .$if(scope !== undefined, (q) => q.where('achievement.node_id', 'in', scope as string[]))
    .orderBy('achievement.position')
    .execute();
}

/** The plan's evaluations: of its nodes, and (node_id null) of the plan itself; of the scope's nodes alone if given. */
function evaluations(db: Kysely<Database>, planId: string, scope?: NodeScope) {
  return db
    .selectFrom('evaluation')
    .innerJoin('source as src', 'src.id', 'evaluation.source_id')
    .selectAll('evaluation')
    .select(sourceColumns)
    .where('evaluation.plan_id', '=', planId)
    .$if(scope !== undefined, (q) => q.where('evaluation.node_id', 'in', scope as string[]))
    .orderBy('evaluation.position')
    .execute();
}

function programSheets(db: Kysely<Database>, planId: string, scope?: NodeScope) {
  return db
    .selectFrom('program_sheet')
    .innerJoin('node', 'node.id', 'program_sheet.node_id')
    .innerJoin('source as src', 'src.id', 'program_sheet.source_id')
    .selectAll('program_sheet')
    .select(sourceColumns)
    .where('node.plan_id', '=', planId)
    .$if(scope !== undefined, (q) => q.where('program_sheet.node_id', 'in', scope as string[]))
    .orderBy('program_sheet.position')
    .execute();
}

/**
 * Which of a plan's indicators a read takes: all of them (undefined), those of `ids`, or those of the nodes of
 * `nodeIds` (a node page's subtree, read without first asking which indicators its nodes hold).
 */
export type IndicatorScope = { ids: readonly string[] } | { nodeIds: readonly string[] } | undefined;

const idsOf = (scope: IndicatorScope) => (scope && 'ids' in scope ? (scope.ids as string[]) : undefined);
const nodeIdsOf = (scope: IndicatorScope) =>
  scope && 'nodeIds' in scope ? (scope.nodeIds as string[]) : undefined;

function indicators(db: Kysely<Database>, planId: string, scope: IndicatorScope) {
  const [ids, nodeIds] = [idsOf(scope), nodeIdsOf(scope)];
  return db
    .selectFrom('indicator')
    .innerJoin('node', 'node.id', 'indicator.node_id')
    .select(indicatorModelColumns.map((column) => `indicator.${column}` as const))
    .where('node.plan_id', '=', planId)
    .$if(ids !== undefined, (q) => q.where('indicator.id', 'in', ids as string[]))
    .$if(nodeIds !== undefined, (q) => q.where('indicator.node_id', 'in', nodeIds as string[]))
    .orderBy('indicator.position')
    .execute();
}

function valueQuery(db: Kysely<Database>, planId: string, scope: IndicatorScope) {
  const [ids, nodeIds] = [idsOf(scope), nodeIdsOf(scope)];
  return db
    .selectFrom('indicator_value')
    .innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id')
    .innerJoin('node', 'node.id', 'indicator.node_id')
    .where('node.plan_id', '=', planId)
    .$if(ids !== undefined, (q) => q.where('indicator.id', 'in', ids as string[]))
    .$if(nodeIds !== undefined, (q) => q.where('indicator.node_id', 'in', nodeIds as string[]));
}

/** The columns a value point is built from (indicatorValueFromRow), not the row's version and stamps. */
const valueColumns = [
  'indicator_value.id',
  'indicator_value.indicator_id',
  'indicator_value.role',
  'indicator_value.position',
  'indicator_value.value',
  'indicator_value.text',
  'indicator_value.date',
  'indicator_value.qualifier',
  'indicator_value.out_of',
  'indicator_value.rank_of',
  'indicator_value.note',
] as const;

function fullValues(query: SelectQueryBuilder<Database, 'indicator_value', object>) {
  return query
    .innerJoin('source as src', 'src.id', 'indicator_value.source_id')
    .select(valueColumns)
    .select(sourceColumns)
    .orderBy('indicator_value.position')
    .execute();
}

/** Each indicator's first and last stored 年度 (fiscal_year, derived from the date on every write). */
function fiscalYearRanges(db: Kysely<Database>, planId: string, scope: IndicatorScope) {
  const [ids, nodeIds] = [idsOf(scope), nodeIdsOf(scope)];
  return db
    .selectFrom('indicator_value as v')
    .innerJoin('indicator as vi', 'vi.id', 'v.indicator_id')
    .innerJoin('node as vn', 'vn.id', 'vi.node_id')
    .select((eb) => [
      'v.indicator_id',
      eb.fn.min('v.fiscal_year').as('lo'),
      eb.fn.max('v.fiscal_year').as('hi'),
    ])
    .where('vn.plan_id', '=', planId)
    .where('v.role', '=', 'observation')
    .$if(ids !== undefined, (q) => q.where('v.indicator_id', 'in', ids as string[]))
    .$if(nodeIds !== undefined, (q) => q.where('vi.node_id', 'in', nodeIds as string[]))
    .groupBy('v.indicator_id')
    .as('range');
}

/**
 * The observations figures read. A value within one 年度 cannot be the earliest unless its 年度 is the series' first,
 * nor the latest unless it is the last, so only those rows and the ones without a single 年度 (undated, or a calendar
 * year spanning two) are read, and `figureObservations` picks among them: an annual series gives two rows, a monthly
 * one at most 24, whatever its length. Read in the same query as the baselines and targets: one round trip, not two.
 */
async function figureValueRows(db: Kysely<Database>, planId: string, scope: IndicatorScope) {
  const rows = await fullValues(
    valueQuery(db, planId, scope)
      .leftJoin(fiscalYearRanges(db, planId, scope), 'range.indicator_id', 'indicator_value.indicator_id')
      .where((eb) =>
        eb.or([
          eb('indicator_value.role', '<>', 'observation'),
          eb('indicator_value.fiscal_year', 'is', null),
          eb('indicator_value.fiscal_year', '=', eb.ref('range.lo')),
          eb('indicator_value.fiscal_year', '=', eb.ref('range.hi')),
        ]),
      ),
  );
  const series = new Map<string, typeof rows>();
  for (const row of rows) if (row.role === 'observation') push(series, row.indicator_id, row);
  const kept = new Set([...series.values()].flatMap((observed) => figureObservations(observed)));
  // Still in position order, as the query gave them.
  return rows.filter((row) => row.role !== 'observation' || kept.has(row));
}

async function indicatorValues(
  db: Kysely<Database>,
  planId: string,
  scope: IndicatorScope,
  observations: ObservationsRead,
) {
  if (observations === 'all') return fullValues(valueQuery(db, planId, scope));
  if (observations === 'figures') return figureValueRows(db, planId, scope);
  return fullValues(valueQuery(db, planId, scope).where('indicator_value.role', '<>', 'observation'));
}

function reportedFigures(db: Kysely<Database>, planId: string, scope: IndicatorScope) {
  const [ids, nodeIds] = [idsOf(scope), nodeIdsOf(scope)];
  return db
    .selectFrom('reported_figure')
    .innerJoin('indicator', 'indicator.id', 'reported_figure.indicator_id')
    .innerJoin('node', 'node.id', 'indicator.node_id')
    .innerJoin('source as src', 'src.id', 'reported_figure.source_id')
    .selectAll('reported_figure')
    .select(sourceColumns)
    .where('node.plan_id', '=', planId)
    .$if(ids !== undefined, (q) => q.where('indicator.id', 'in', ids as string[]))
    .$if(nodeIds !== undefined, (q) => q.where('indicator.node_id', 'in', nodeIds as string[]))
    .orderBy('reported_figure.position')
    .execute();
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

// Well under both databases' parameter limits, with room for the query's own.
const idsPerQuery = portableMaxParameters - 100;

/** An observation row as the model's observation: with its own id unless the id was generated from the series'. */
function observationFromRow(row: Rows<typeof fullValues>[number]): Observation {
  const value = indicatorValueFromRow(row);
  return row.id.includes(generatedIdSeparator) ? value : { id: row.id, ...value };
}

/**
 * Every observation of the plan's indicators of `indicatorIds`, by indicator id, in position order: in one query, the
 * series a page charts of indicators it holds already (read with `observations: 'figures'`).
 */
export async function observationsOf(
  db: Kysely<Database>,
  planId: string,
  indicatorIds: readonly string[],
): Promise<Map<string, Observation[]>> {
  const observations = new Map<string, Observation[]>();
  if (indicatorIds.length === 0) return observations;
  const rows = await fullValues(
    valueQuery(db, planId, { ids: indicatorIds }).where('indicator_value.role', '=', 'observation'),
  );
  for (const row of rows) push(observations, row.indicator_id, observationFromRow(row));
  return observations;
}

/** A plan's indicators by node id; only those `scope` names when given (a download needs no more). */
export async function indicatorsByNode(
  db: Kysely<Database>,
  planId: string,
  scope?: IndicatorScope,
  read: ObservationsRead = 'all',
): Promise<Map<string, Indicator[]>> {
  if ((idsOf(scope) ?? nodeIdsOf(scope))?.length === 0) return new Map();
  const [indicatorRows, valueRows, reportedRows] = await Promise.all([
    indicators(db, planId, scope),
    indicatorValues(db, planId, scope, read),
    reportedFigures(db, planId, scope),
  ]);
  const observations = new Map<string, Observation[]>();
  const fixed = new Map<string, ReturnType<typeof indicatorValueFromRow>>();
  for (const row of valueRows) {
    if (row.role !== 'observation')
      fixed.set(`${row.indicator_id}${generatedIdSeparator}${row.role}`, indicatorValueFromRow(row));
    else push(observations, row.indicator_id, observationFromRow(row));
  }
  const reported = new Map<string, ReportedFigure[]>();
  for (const row of reportedRows) {
    push(reported, row.indicator_id, reportedFigureFromRow(row));
  }
  const byNode = new Map<string, Indicator[]>();
  for (const row of indicatorRows) {
    push(
      byNode,
      row.node_id,
      indicatorFromRow(row, {
        baseline: fixed.get(`${row.id}${generatedIdSeparator}baseline`) ?? null,
        target: fixed.get(`${row.id}${generatedIdSeparator}target`) ?? null,
        observations: observations.get(row.id) ?? [],
        reported: reported.get(row.id) ?? [],
      }),
    );
  }
  return byNode;
}

/** What a plan holds beside its header: statements, the node tree, and evaluations of the plan itself. */
export interface PlanContent {
  statements: PlanStatement[];
  nodes: PlanNode[];
  evaluations: Evaluation[];
}

/** The plan's statements, node tree and own evaluations; all empty for an unknown plan. */
export async function readPlanContent(
  db: Kysely<Database>,
  planId: string,
  options: PlanReadOptions = {},
): Promise<PlanContent> {
  const records = !options.nodesOnly;
  const [statementRows, nodeRows, linkRows, achievementRows, evaluationRows, sheetRows, indicatorMap] =
    await Promise.all([
      records ? statements(db, planId) : [],
      nodes(db, planId),
      links(db, planId),
      records ? achievements(db, planId) : [],
      records ? evaluations(db, planId) : [],
      records && !options.withoutSheets ? programSheets(db, planId) : [],
      records
        ? indicatorsByNode(db, planId, undefined, options.observations)
        : new Map<string, Indicator[]>(),
    ]);
  const parts = nodeParts(linkRows, achievementRows, evaluationRows, sheetRows, indicatorMap);
  return {
    statements: statementRows.map(statementFromRow),
    nodes: assembleTree(nodeRows.map(nodeFromRow), parts),
    evaluations: evaluationRows.filter((row) => row.node_id === null).map(evaluationFromRow),
  };
}

type Rows<T extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<T>>;

/** Groups the per-node rows by node id (evaluations of the plan itself, node_id null, are left out). */
function nodeParts(
  linkRows: Rows<typeof links>,
  achievementRows: Rows<typeof achievements>,
  evaluationRows: Rows<typeof evaluations>,
  sheetRows: Rows<typeof programSheets>,
  indicatorMap: Map<string, Indicator[]>,
): NodeParts {
  const parts: NodeParts = {
    continues: new Map(),
    achievements: new Map(),
    evaluations: new Map<string, Evaluation[]>(),
    indicators: indicatorMap,
    programSheets: new Map<string, ProgramSheet[]>(),
  };
  for (const row of linkRows) push(parts.continues, row.node_id, row.continues_node_id);
  for (const row of achievementRows) push(parts.achievements, row.node_id, achievementFromRow(row));
  for (const row of evaluationRows) {
    if (row.node_id !== null) push(parts.evaluations, row.node_id, evaluationFromRow(row));
  }
  for (const row of sheetRows) push(parts.programSheets, row.node_id, programSheetFromRow(row));
  return parts;
}

/** A node of a plan with everything below it, and its ancestors from the pillar down; undefined for an unknown node. */
export interface NodeSubtree {
  node: PlanNode;
  ancestors: PlanNode[];
}

/**
 * Reads one node's subtree, not the whole plan (issue 16): the node rows of its plan (one small row each, found by
 * the node's id in the same query) give the subtree and the ancestors, then indicators, values, achievements,
 * evaluations and sheets are read for the subtree's nodes alone, all at once. A subtree too large for one query's
 * parameters is read with the whole plan instead.
 */
export async function readNodeSubtree(
  db: Kysely<Database>,
  nodeId: string,
  options: PlanReadOptions = {},
): Promise<NodeSubtree | undefined> {
  const records = (await nodesBeside(db, nodeId)).map(nodeFromRow);
  const scope = subtreeIds(records, nodeId);
  const planId = records[0]?.planId;
  if (scope.length === 0 || planId === undefined) return undefined;
  // fiscalYearRanges repeats the node ids inside the value query: twice the parameters.
  if (scope.length * 2 > idsPerQuery) {
    const whole = await readPlanContent(db, planId, options);
    return findWithAncestors(whole.nodes, nodeId);
  }
  const [linkRows, achievementRows, evaluationRows, sheetRows, indicatorMap] = await Promise.all([
    links(db, planId, scope),
    achievements(db, planId, scope),
    evaluations(db, planId, scope),
    programSheets(db, planId, scope),
    indicatorsByNode(db, planId, { nodeIds: scope }, options.observations),
  ]);
  const parts = nodeParts(linkRows, achievementRows, evaluationRows, sheetRows, indicatorMap);
  return assembleSubtree(records, parts, nodeId);
}

/** The plan's indicators in tree order (a node's own before its children's), from two narrow queries. */
export async function listPlanIndicators(db: Kysely<Database>, planId: string): Promise<IndicatorListing[]> {
  const [nodeRows, indicatorRows] = await Promise.all([
    db
      .selectFrom('node')
      .select(['id', 'parent_id'])
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('indicator')
      .innerJoin('node', 'node.id', 'indicator.node_id')
      .select(['indicator.id', 'indicator.kind', 'indicator.node_id'])
      .where('node.plan_id', '=', planId)
      .orderBy('indicator.position')
      .execute(),
  ]);
  const children = new Map<string | null, string[]>();
  for (const row of nodeRows) push(children, row.parent_id, row.id);
  const own = new Map<string, IndicatorListing[]>();
  for (const row of indicatorRows)
    push(own, row.node_id, { id: row.id, kind: row.kind as Indicator['kind'], nodeId: row.node_id });
  const listed: IndicatorListing[] = [];
  const walk = (parent: string | null) => {
    for (const id of children.get(parent) ?? []) {
      listed.push(...(own.get(id) ?? []));
      walk(id);
    }
  };
  walk(null);
  return listed;
}
