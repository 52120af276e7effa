/**
 * Reads one organization's whole dataset back out of the store as the interchange document: the same
 * `organizationDocumentSchema` the demo files and `mieruka import` use, so export → import → export is stable.
 */
import type { Organization, OrganizationDocument, Plan } from '../../domain/model.ts';
import type { ReadStore } from '../../store/read-store.ts';

/** The store holds no such organization, or several and the caller did not say which. */
export class OrganizationNotFoundError extends Error {
  constructor(
    readonly organizationId: string | undefined,
    readonly available: string[],
  ) {
    super(
      organizationId === undefined
        ? `団体を 1 つに決められません。団体 ID を指定してください (cannot choose one organization; give its id): ${available.join(', ') || '(none)'}`
        : `団体が見つかりません (organization not found): ${organizationId}`,
    );
    this.name = 'OrganizationNotFoundError';
  }
}

function chooseOrganization(organizations: Organization[], id: string | undefined): Organization {
  const found = id === undefined && organizations.length === 1 ? organizations[0] : undefined;
  const chosen = found ?? organizations.find((o) => o.id === id);
  if (!chosen)
    throw new OrganizationNotFoundError(
      id,
      organizations.map((o) => o.id),
    );
  return chosen;
}

async function readPlan(store: ReadStore, id: string): Promise<Plan> {
  const read = await store.getPlan(id);
  // listPlans just named it; only a concurrent delete makes it vanish.
  if (!read) throw new Error(`計画が読めません (plan disappeared while exporting): ${id}`);
  const { organization: _organization, ...plan } = read;
  return plan;
}

/**
 * The whole dataset of one organization (the only one when no id is given), plans in publication order.
 * @example const doc = await exportOrganizationDocument(createReadStore(db), 'komoro') // doc.plans.length === 3
 */
export async function exportOrganizationDocument(
  store: ReadStore,
  organizationId?: string,
): Promise<OrganizationDocument> {
  const organization = chooseOrganization(await store.listOrganizations(), organizationId);
  const headers = (await store.listPlans()).filter((p) => p.organization.id === organization.id);
  const [documents, plans] = await Promise.all([
    store.listDocuments(organization.id),
    Promise.all(headers.map((h) => readPlan(store, h.id))),
  ]);
  return { formatVersion: 1, organization, documents, plans, historyHead: await store.historyHead() };
}

/** The document as the interchange file's text: two-space JSON ending in a newline. */
export const serializeOrganizationDocument = (doc: OrganizationDocument): string =>
  `${JSON.stringify(doc, null, 2)}\n`;

/**
 * One plan as an interchange document: its organization, every document of it, and that plan alone.
 * @example (await exportPlanDocument(store, 'mirai-2016'))?.plans.length // 1
 */
export async function exportPlanDocument(
  store: ReadStore,
  planId: string,
): Promise<OrganizationDocument | undefined> {
  const read = await store.getPlan(planId);
  if (!read) return undefined;
  const { organization: owner, ...plan } = read;
  const organization = chooseOrganization(await store.listOrganizations(), owner.id);
  const [documents, historyHead] = await Promise.all([store.listDocuments(owner.id), store.historyHead()]);
  return { formatVersion: 1, organization, documents, plans: [plan], historyHead };
}
