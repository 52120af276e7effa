/** Site paths of records, in the reader's language. */
import type { PlanNode } from '../../domain/model.ts';
import { type Lang, localHref } from './lang.ts';

const enc = encodeURIComponent;

export const planHref = (id: string, lang: Lang = 'ja') => localHref(`/plans/${enc(id)}`, lang);
export const nodeHref = (id: string, lang: Lang = 'ja') => localHref(`/nodes/${enc(id)}`, lang);
export const termsHref = (organizationId: string, lang: Lang = 'ja') =>
  localHref(`/organizations/${enc(organizationId)}/terms`, lang);
export const reportHref = (id: string, lang: Lang = 'ja') => localHref(`/plans/${enc(id)}/report`, lang);
export const planStatusCss = (id: string) => `/assets/plans/${enc(id)}/status.css`;

/** "1 子育て・教育" when the source prints a code before the title. */
export const codedTitle = (node: Pick<PlanNode, 'code' | 'title'>) =>
  node.code ? `${node.code} ${node.title}` : node.title;
