/**
 * What the web layer and exporters read from the store. Contract only: `src/store/queries.ts` implements it
 * over Kysely for SQLite and PostgreSQL. Every shape is the domain model's (src/domain/model.ts), so what the
 * API returns is what the interchange format holds.
 */
import type { ChainHead } from '../domain/editing/hash-chain.ts';
import type {
  Evaluation,
  Indicator,
  Organization,
  Plan,
  PlanNode,
  PlanStatement,
  SourceDocument,
} from '../domain/model.ts';

/** A plan without its tree, with its organization: one row of `GET /api/v1/plans`. */
export type PlanHeader = Omit<Plan, 'nodes' | 'statements' | 'evaluations'> & {
  organization: Pick<Organization, 'id' | 'name' | 'nameEn' | 'municipalityCode'>;
};

export interface NodeContext {
  plan: PlanHeader;
  node: PlanNode;
  /** From the pillar down to the node's parent. */
  ancestors: Pick<PlanNode, 'id' | 'kind' | 'code' | 'title'>[];
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

/** An indicator with the plan and node it belongs to. */
export interface IndicatorContext {
  planId: string;
  nodeId: string;
  indicator: Indicator;
}

export interface ReadStore {
  listOrganizations(): Promise<Organization[]>;
  /** Plans ordered by organization, then publication date. */
  listPlans(): Promise<PlanHeader[]>;
  /** The plan with its statements, its whole node tree (children ordered by position) and its own evaluations. */
  getPlan(
    id: string,
  ): Promise<
    (PlanHeader & { statements: PlanStatement[]; nodes: PlanNode[]; evaluations: Evaluation[] }) | undefined
  >;
  getNode(id: string): Promise<NodeContext | undefined>;
  /** One indicator by id, read without its plan's tree. */
  getIndicator(id: string): Promise<IndicatorContext | undefined>;
  listDocuments(organizationId?: string): Promise<SourceDocument[]>;
  getDocument(id: string): Promise<SourceDocument | undefined>;
  /** A registered document's text (staff uploaded or pasted it); undefined when its text is a dataset file. */
  getDocumentText(id: string): Promise<string | undefined>;
  /** Where the history's hash chain ends now: published so that anyone can keep it (docs/history-verification.md). */
  historyHead(): Promise<ChainHead>;
}
