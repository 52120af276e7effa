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

/** "1 子育て・教育" when the source prints a code before the title; a node titled by its code alone says it once. */
export const codedTitle = (node: Pick<PlanNode, 'code' | 'title'>) =>
  node.code && node.code !== node.title ? `${node.code} ${node.title}` : node.title;

/** Downloads carry no `lang`: a file is the same in both languages and the export routes refuse other queries. */
export const planDownloadHref = (planId: string, file: string, shiftJis = false) =>
  `/downloads/plans/${enc(planId)}/${file}${shiftJis ? '?encoding=shift_jis' : ''}`;
export const indicatorDownloadHref = (indicatorId: string, file = 'indicator-values.csv', shiftJis = false) =>
  `/downloads/indicators/${enc(indicatorId)}/${file}${shiftJis ? '?encoding=shift_jis' : ''}`;
