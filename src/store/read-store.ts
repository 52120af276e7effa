/**
 * What the web layer and exporters read from the store. Contract only: `src/store/queries.ts` implements it
 * over Kysely for SQLite and PostgreSQL. Every shape is the domain model's (src/domain/model.ts), so what the
 * API returns is what the interchange format holds.
 */
import type { ChainHead } from '../domain/editing/hash-chain.ts';
import type {
  Evaluation,
  Indicator,
  Observation,
  Organization,
  Plan,
  PlanNode,
  PlanStatement,
  SourceDocument,
} from '../domain/model.ts';
import type { Comparison, ComparisonOptions } from './comparison/contract.ts';

/**
 * How much of each indicator's series a read brings: every observation (charts, tables, exports), only those its
 * figures read (`figureObservations` in src/domain/plan-tree.ts: summaries, lists, headlines), or none (status rollups).
 */
export type ObservationsRead = 'all' | 'figures' | 'none';

export interface PlanReadOptions {
  /** 'all' unless said. */
  observations?: ObservationsRead;
  /**
   * The node tree with statuses and links alone: statements, indicators, achievements, evaluations and 事務事業評価
   * sheets come back empty. What later plans' statuses need (src/web/pages/evidence.ts), at the cost of the nodes only.
   */
  nodesOnly?: boolean;
  /** 事務事業評価 sheets left out (they come back empty), for a page that shows none (the plan page). */
  withoutSheets?: boolean;
}

/** A plan without its tree, with its organization: one row of `GET /api/v1/plans`. */
export type PlanHeader = Omit<Plan, 'nodes' | 'statements' | 'evaluations'> & {
  organization: Pick<Organization, 'id' | 'name' | 'nameEn' | 'municipalityCode'>;
};

export interface NodeContext {
  plan: PlanHeader;
  node: PlanNode;
  /** From the pillar down to the node's parent. */
  ancestors: Pick<PlanNode, 'id' | 'kind' | 'code' | 'title' | 'titleEn'>[];
  /** Nodes of earlier plans this node carries on, and of later plans that carry it on. */
  continues: NodeLinkTarget[];
  continuedBy: NodeLinkTarget[];
}

export interface NodeLinkTarget {
  id: string;
  title: string;
  kind: PlanNode['kind'];
  planId: string;
  planTitle: string;
}

/** One indicator of a plan as a list of them needs it: which, where and of what kind, without its values. */
export type IndicatorListing = Pick<Indicator, 'id' | 'kind'> & { nodeId: string };

/** An indicator with the plan and node it belongs to. */
export interface IndicatorContext {
  planId: string;
  nodeId: string;
  indicator: Indicator;
}

export interface ReadStore {
  /** Organizations by id; only the one of `id` when given (a page of one organization reads no other). */
  listOrganizations(id?: string): Promise<Organization[]>;
  /** A page of the organizations by id, for the national home: `{ offset: 100, limit: 100 }` is the second page. */
  listOrganizationsPage(page: { offset: number; limit: number }): Promise<Organization[]>;
  countOrganizations(): Promise<number>;
  /**
   * The organization a URL names: by id, else by 団体コード (5 digits, or 6 with the check digit), as
   * `organizationByReference` finds it in the list, without reading every organization.
   */
  findOrganization(reference: string): Promise<Organization | undefined>;
  /** Plans ordered by organization, then publication date; only those of the organization or organizations given. */
  listPlans(organizationId?: string | readonly string[]): Promise<PlanHeader[]>;
  /** Ids of the plans holding a headline indicator (`highlight`), so the home page reads no other plan's values. */
  plansWithHeadlines(): Promise<string[]>;
  /**
   * The plan with its statements, its whole node tree (children ordered by position) and its own evaluations.
   * `{ observations: 'figures' }` brings of each indicator's series only what its figures read, so a page that
   * summarises costs the same whatever the length of the series.
   */
  getPlan(
    id: string,
    options?: PlanReadOptions,
  ): Promise<
    (PlanHeader & { statements: PlanStatement[]; nodes: PlanNode[]; evaluations: Evaluation[] }) | undefined
  >;
  /**
   * The plan's id and those of the organization's other plans holding a node that continues one of its nodes, in
   * listPlans' order: the only plans whose statuses a page of this plan's nodes can carry
   * (src/domain/figures/later-status.ts). Empty for an unknown plan. With `nodeIds` (some of the plan's nodes: a
   * node page's subtree), only the plans holding a node that continues one of those, with the plan itself; and none
   * at all when no plan of the organization continues them, since no later status can then apply to them.
   */
  continuingPlanIds(planId: string, nodeIds?: readonly string[]): Promise<string[]>;
  /** The plan's header alone (a row of listPlans), for a page that needs none of its tree. */
  getPlanHeader(id: string): Promise<PlanHeader | undefined>;
  /** The node in its plan; `options` as for getPlan. */
  getNode(id: string, options?: PlanReadOptions): Promise<NodeContext | undefined>;
  /** One indicator by id, read without its plan's tree. */
  getIndicator(id: string): Promise<IndicatorContext | undefined>;
  /**
   * Every indicator of a plan, in the order of the plan's tree (depth first, then position), values not read: what
   * a paged list of indicators needs to find its page.
   */
  listIndicators(planId: string): Promise<IndicatorListing[]>;
  /** Indicators of one plan with every observation, in the order of `ids` (a page of them); unknown ids left out. */
  getIndicators(planId: string, ids: readonly string[]): Promise<IndicatorContext[]>;
  /**
   * Every observation of the plan's indicators of `ids`, by indicator id, in position order: the series a page charts
   * of indicators it read with `observations: 'figures'`, in one query rather than the indicators again.
   */
  getObservations(planId: string, ids: readonly string[]): Promise<Map<string, Observation[]>>;
  listDocuments(organizationId?: string): Promise<SourceDocument[]>;
  getDocument(id: string): Promise<SourceDocument | undefined>;
  /** A registered document's text (staff uploaded or pasted it); undefined when its text is a dataset file. */
  getDocumentText(id: string): Promise<string | undefined>;
  /**
   * One indicator definition (a comparison key, `comparisonKeyOf`) across organizations: each one's latest published
   * observation, ranked; undefined when no organization has a value under the key.
   */
  compareIndicator(key: string, options?: ComparisonOptions): Promise<Comparison | undefined>;
  /**
   * Per key, how many organizations besides `organizationId` have a published value under it, counted up to
   * `comparableCountLimit` (that many or more).
   */
  comparableOrganizations(keys: readonly string[], organizationId: string): Promise<Map<string, number>>;
  /** Where the history's hash chain ends now: published so that anyone can keep it (docs/history-verification.md). */
  historyHead(): Promise<ChainHead>;
}
