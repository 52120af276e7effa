/** On a node the source leaves 未評価: the status a later plan gives it, linked, with that plan's evidence. */
import type { PlanNode } from '../../../domain/model.ts';
import { nodeHref, useLang } from '../../i18n/index.ts';
import { useEvidence } from '../evidence/evidence-context.ts';
import { SourceLink } from '../SourceLink.tsx';
import { progressWords } from './progress-words.ts';

export interface LaterStatusEvidenceProps {
  node: Pick<PlanNode, 'id' | 'status'>;
}

const lead = {
  ja: 'この項目の状況は、この計画の資料には示されていません。引き継いだ後の計画での状況:',
  en: 'This plan’s own source states no status for this item. Its status in the later plan that continues it:',
};

export function LaterStatusEvidence({ node }: LaterStatusEvidenceProps) {
  const lang = useLang();
  const later = useEvidence().later.get(node.id);
  if (node.status !== null || later === undefined) return null;
  const w = progressWords[lang];
  const label = lang === 'en' ? later.status.labelEn : later.status.label;
  return (
    <div class="later-status-evidence">
      <p>
        {lead[lang]}{' '}
        <a href={nodeHref(later.nodeId, lang)}>
          <strong>{w.laterStatus(later.planTitle, label)}</strong>
        </a>
      </p>
      {later.source ? (
        <p class="meta">
          {w.laterEvidence}: <SourceLink source={later.source} />
        </p>
      ) : null}
    </div>
  );
}
