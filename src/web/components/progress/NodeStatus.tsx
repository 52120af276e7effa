/**
 * A node's status badge. A node without a status of its own that a later plan continues and rates shows the later
 * status, linked to the later node: 「小泉市政2期8年の足跡」で完了. One with neither but with evaluations (a program's
 * 事務事業評価) says it has no progress rating and links to its evaluations, rather than reading 「未評価」.
 */
import type { PlanNode, StatusDefinition } from '../../../domain/model.ts';
import { unassessedStatus } from '../../../domain/status.ts';
import { nodeHref, useLang } from '../../i18n/index.ts';
import { useEvidence } from '../evidence/evidence-context.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { progressWords } from './progress-words.ts';

export interface NodeStatusProps {
  vocabulary: readonly StatusDefinition[];
  node: Pick<PlanNode, 'id' | 'status'> & Partial<Pick<PlanNode, 'evaluations'>>;
}

export function NodeStatus({ vocabulary, node }: NodeStatusProps) {
  const lang = useLang();
  const later = useEvidence().later.get(node.id);
  if (node.status === null && later === undefined && (node.evaluations?.length ?? 0) > 0) {
    const words = progressWords[lang];
    const noRating = { ...unassessedStatus, label: words.noProgressRating, labelEn: words.noProgressRating };
    return (
      <>
        <StatusBadge vocabulary={[noRating]} status={noRating.code} />{' '}
        <a class="later-status" href={`${nodeHref(node.id, lang)}#evaluations`}>
          {words.evaluated}
        </a>{' '}
      </>
    );
  }
  if (node.status !== null || later === undefined)
    return <StatusBadge vocabulary={vocabulary} status={node.status} />;
  const label = lang === 'en' ? later.status.labelEn : later.status.label;
  return (
    <>
      <StatusBadge vocabulary={[later.status]} status={later.status.code} />
      <a class="later-status" href={nodeHref(later.nodeId, lang)}>
        {progressWords[lang].laterStatus(later.planTitle, label)}
      </a>{' '}
    </>
  );
}
