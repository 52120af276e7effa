/** Loads what a page needs to cite its evidence in words: the organization's documents and later plans' statuses. */
import { laterStatusIndex } from '../../domain/figures/index.ts';
import { nodesOf } from '../../domain/plan-tree.ts';
import type { NodeContext, ReadStore } from '../../store/read-store.ts';
import type { Evidence } from '../components/evidence/evidence-context.ts';

type FullPlan = NonNullable<Awaited<ReturnType<ReadStore['getPlan']>>>;

/** The evidence of one organization; `loaded` saves reading plans the page already holds. */
export async function loadEvidence(
  store: ReadStore,
  organizationId: string,
  loaded: readonly FullPlan[] = [],
): Promise<Evidence> {
  const headers = (await store.listPlans(organizationId)).filter((p) => p.organization.id === organizationId);
  const plans = await Promise.all(
    // Later statuses read nodes and links alone: no indicator, value or sheet is loaded for them.
    headers.map((h) => loaded.find((p) => p.id === h.id) ?? store.getPlan(h.id, { nodesOnly: true })),
  );
  const documents = await store.listDocuments(organizationId);
  return {
    documents: new Map(documents.map((d) => [d.id, d])),
    later: laterStatusIndex(plans.filter((p): p is FullPlan => p !== undefined)),
  };
}

/**
 * The evidence of one plan's own nodes, as `loadEvidence(store, organizationId, [plan])` gives it for them: a status
 * a later plan carries is stated by a node continuing the node, so only the plans holding such a node are read, not
 * every plan of the organization (none, on most plans).
 */
export async function loadPlanEvidence(store: ReadStore, plan: FullPlan): Promise<Evidence> {
  const [plans, documents] = await Promise.all([
    (async () => {
      const ids = await store.continuingPlanIds(plan.id);
      return Promise.all(ids.map((id) => (id === plan.id ? plan : store.getPlan(id, { nodesOnly: true }))));
    })(),
    store.listDocuments(plan.organization.id),
  ]);
  return {
    documents: new Map(documents.map((d) => [d.id, d])),
    later: laterStatusIndex(plans.filter((p): p is FullPlan => p !== undefined)),
  };
}

/**
 * The evidence of one node's page, as `loadEvidence(store, organizationId)` gives it for the node and the nodes below
 * it (the only ones whose statuses the page shows): on most nodes no plan continues any of them, and no plan is read.
 */
export async function loadNodeEvidence(store: ReadStore, context: NodeContext): Promise<Evidence> {
  const { plan, node } = context;
  const [ids, documents] = await Promise.all([
    store.continuingPlanIds(
      plan.id,
      nodesOf([node]).map((n) => n.id),
    ),
    store.listDocuments(plan.organization.id),
  ]);
  const plans = await Promise.all(ids.map((id) => store.getPlan(id, { nodesOnly: true })));
  return {
    documents: new Map(documents.map((d) => [d.id, d])),
    later: laterStatusIndex(plans.filter((p): p is FullPlan => p !== undefined)),
  };
}

/** The evidence of several organizations at once (the home page). */
export async function loadAllEvidence(store: ReadStore, loaded: readonly FullPlan[]): Promise<Evidence> {
  const documents = await store.listDocuments();
  return { documents: new Map(documents.map((d) => [d.id, d])), later: laterStatusIndex(loaded) };
}
