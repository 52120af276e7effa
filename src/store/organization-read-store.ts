/**
 * One organization's view of a ReadStore: its organization, plans, nodes, indicators and documents, as if the
 * database held no other. The static export per organization (`mieruka build-static --organization`) renders the
 * site through it, so each city's copy can go to its own CDN. Links between two organizations' plans are left out.
 *
 * @example const komoro = organizationReadStore(createReadStore(db), 'komoro'); await komoro.listPlans()
 */
import type { ReadStore } from './read-store.ts';

export function organizationReadStore(store: ReadStore, organizationId: string): ReadStore {
  const ownPlans = async () => new Set((await store.listPlans(organizationId)).map((p) => p.id));
  const ownDocuments = async () => new Set((await store.listDocuments(organizationId)).map((d) => d.id));
  return {
    listOrganizations: async (id) =>
      id === undefined || id === organizationId ? store.listOrganizations(organizationId) : [],
    listOrganizationsPage: async ({ offset }) =>
      offset === 0 ? store.listOrganizations(organizationId) : [],
    countOrganizations: async () => (await store.listOrganizations(organizationId)).length,
    async findOrganization(reference) {
      const found = await store.findOrganization(reference);
      return found?.id === organizationId ? found : undefined;
    },
    listPlans: async (id) =>
      id === undefined || id === organizationId || (typeof id !== 'string' && id.includes(organizationId))
        ? store.listPlans(organizationId)
        : [],
    async plansWithHeadlines() {
      const own = await ownPlans();
      return (await store.plansWithHeadlines()).filter((id) => own.has(id));
    },
    async getPlan(id, options) {
      const plan = await store.getPlan(id, options);
      return plan?.organization.id === organizationId ? plan : undefined;
    },
    async continuingPlanIds(planId, nodeIds) {
      const own = await ownPlans();
      return (await store.continuingPlanIds(planId, nodeIds)).filter((id) => own.has(id));
    },
    async getPlanHeader(id) {
      const header = await store.getPlanHeader(id);
      return header?.organization.id === organizationId ? header : undefined;
    },
    async getNode(id, options) {
      const context = await store.getNode(id, options);
      if (context?.plan.organization.id !== organizationId) return undefined;
      const own = await ownPlans();
      return {
        ...context,
        continues: context.continues.filter((link) => own.has(link.planId)),
        continuedBy: context.continuedBy.filter((link) => own.has(link.planId)),
      };
    },
    async getIndicator(id) {
      const found = await store.getIndicator(id);
      return found !== undefined && (await ownPlans()).has(found.planId) ? found : undefined;
    },
    async listIndicators(planId) {
      return (await ownPlans()).has(planId) ? store.listIndicators(planId) : [];
    },
    async getIndicators(planId, ids) {
      return (await ownPlans()).has(planId) ? store.getIndicators(planId, ids) : [];
    },
    async getObservations(planId, ids) {
      return (await ownPlans()).has(planId) ? store.getObservations(planId, ids) : new Map();
    },
    listDocuments: () => store.listDocuments(organizationId),
    async getDocument(id) {
      return (await ownDocuments()).has(id) ? store.getDocument(id) : undefined;
    },
    async getDocumentText(id) {
      return (await ownDocuments()).has(id) ? store.getDocumentText(id) : undefined;
    },
    // One organization's copy compares it with nobody: no comparison page, no link to one.
    compareIndicator: async () => undefined,
    comparableOrganizations: async () => new Map(),
    historyHead: () => store.historyHead(),
  };
}
