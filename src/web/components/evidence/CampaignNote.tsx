/** On every figure campaign material backs: a plain note naming the documents, so no reader takes it for the city's. */
import type { Indicator, SourceRef } from '../../../domain/model.ts';
import { useLang } from '../../i18n/index.ts';
import { CitedDocument } from './CitedDocument.tsx';
import { isCampaign } from './document-words.ts';
import { useEvidence } from './evidence-context.ts';

/** Every source an indicator's values and reported figures cite. */
export function indicatorSources(indicator: Indicator): SourceRef[] {
  return [
    ...(indicator.baseline ? [indicator.baseline.source] : []),
    ...(indicator.target ? [indicator.target.source] : []),
    ...indicator.observations.map((o) => o.source),
    ...indicator.reported.map((r) => r.source),
  ];
}

const lead = {
  ja: 'この指標の値は、後援会などの政治活動の資料によるものです（市の公式の数値ではありません）:',
  en: 'The values of this indicator come from campaign material, not from the city’s own publications:',
};

export function CampaignNote({ indicator }: { indicator: Indicator }) {
  const lang = useLang();
  const { documents } = useEvidence();
  const ids = [...new Set(indicatorSources(indicator).map((s) => s.documentId))].filter((id) =>
    isCampaign(documents.get(id)),
  );
  if (ids.length === 0) return null;
  return (
    <p class="campaign-note">
      {lead[lang]}{' '}
      {ids.map((id, k) => (
        <>
          {k > 0 ? '、' : ''}
          <CitedDocument documentId={id} />
        </>
      ))}
    </p>
  );
}
