/** Japanese labels for the model's codes, as the glossary names them. */
import type { Plan, PlanNode, PlanStatement } from '../../domain/model.ts';

export const planKindLabels: Record<Plan['kind'], string> = {
  manifesto: 'マニフェスト',
  comprehensive_plan: '総合計画',
  strategy: '総合戦略',
  record: '実績の記録',
};

export const nodeKindLabels: Record<PlanNode['kind'], string> = {
  pillar: '柱',
  policy: '施策',
  program: '事業',
};

export const statementKindLabels: Record<PlanStatement['kind'], string> = {
  vision: 'ビジョン',
  principle: '基本姿勢',
  message: 'メッセージ',
};

export const planHref = (id: string) => `/plans/${encodeURIComponent(id)}`;
export const nodeHref = (id: string) => `/nodes/${encodeURIComponent(id)}`;
export const planStatusCss = (id: string) => `/assets/plans/${encodeURIComponent(id)}/status.css`;

/** "1 子育て・教育" when the source prints a code before the title. */
export const codedTitle = (node: Pick<PlanNode, 'code' | 'title'>) =>
  node.code ? `${node.code} ${node.title}` : node.title;
