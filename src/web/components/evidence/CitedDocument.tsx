/** A document cited in words: its title (linked to the text), then publisher and kind; an unknown id stays as it is. */
import { localHref, useLang } from '../../i18n/index.ts';
import { documentByline, isCampaign } from './document-words.ts';
import { useEvidence } from './evidence-context.ts';

export interface CitedDocumentProps {
  documentId: string;
  line?: number;
}

export function CitedDocument({ documentId, line }: CitedDocumentProps) {
  const lang = useLang();
  const document = useEvidence().documents.get(documentId);
  const base = `/documents/${encodeURIComponent(documentId)}`;
  const href = localHref(line === undefined ? base : `${base}#L${line}`, lang);
  if (document === undefined) return <a href={href}>{documentId}</a>;
  return (
    <cite class="cited-document">
      <a href={href} lang="ja">
        {document.title}
      </a>
      <span class={isCampaign(document) ? 'source-kind source-kind-campaign' : 'source-kind'}>
        {lang === 'ja' ? `（${documentByline(document, lang)}）` : ` (${documentByline(document, lang)})`}
      </span>
    </cite>
  );
}
