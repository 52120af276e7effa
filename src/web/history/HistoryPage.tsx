/** The public history of one item: every published change, oldest first, so original wording stays visible. */
import { type ChainHead, formatChainHead } from '../../domain/editing/hash-chain.ts';
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { Revision } from '../../store/editing/contract.ts';
import { Ja } from '../components/Ja.tsx';
import { Layout } from '../components/Layout.tsx';
import { type Lang, localHref, nodeHref, planHref } from '../i18n/index.ts';
import { entityLabel, historyWords, latestState, recordName } from './history-words.ts';
import { type DocumentTitles, RevisionEntry } from './RevisionEntry.tsx';

export interface HistoryPageProps {
  entity: EditingEntity;
  id: string;
  revisions: Revision[];
  /** Where the whole history's hash chain ends now, for readers to keep and check later. */
  head: ChainHead;
  /** Titles of the documents the revisions cite, so a source reads as its title. */
  documentTitles?: DocumentTitles;
  lang?: Lang;
}

/** The chain head, so that anyone can keep it and later prove with `mieruka verify --head` that nothing was rewritten. */
function ChainHeadNote({ head, lang }: { head: ChainHead; lang: Lang }) {
  const kept = formatChainHead(head);
  return lang === 'en' ? (
    <p class="history-head">
      Head of the whole history's hash chain: <code>{kept}</code>
      <br />
      Keep it: <code>mieruka verify --head {kept}</code> later proves the history was only appended to.
    </p>
  ) : (
    <p class="history-head">
      変更履歴全体の先頭: <code>{kept}</code>
      <br />
      この値を控えておくと、あとで <code>mieruka verify --head {kept}</code>{' '}
      で履歴が書き換えられていないことを確かめられます。
    </p>
  );
}

/** The record's own public page, for the kinds that have one. */
function recordHref(entity: EditingEntity, id: string, lang: Lang): string | undefined {
  if (entity === 'plan') return planHref(id, lang);
  if (entity === 'node') return nodeHref(id, lang);
  return undefined;
}

export function HistoryPage({ entity, id, revisions, head, documentTitles, lang = 'ja' }: HistoryPageProps) {
  const words = historyWords[lang];
  const latest = [...revisions].reverse().find((revision) => !revision.unreadable);
  const state = latest ? latestState(latest) : null;
  const { name, english } = recordName(state, id, lang);
  const kind = entityLabel(entity, state, lang);
  const title = `${words.history}: ${name}`;
  const href = recordHref(entity, id, lang);
  return (
    <Layout title={title} lang={lang} path={`/history/${entity}/${encodeURIComponent(id)}`}>
      <h1>
        {`${words.history}: `}
        {english ? name : <Ja>{name}</Ja>}
      </h1>
      <p>
        {kind} · ID <code>{id}</code>
        {href ? (
          <>
            {' · '}
            <a href={href}>{words.viewRecord}</a>
          </>
        ) : null}
        {' · '}
        <a href={localHref('/changes', lang)}>{words.recentChanges}</a>
      </p>
      {revisions.length === 0 ? (
        <p>{words.noChanges}</p>
      ) : (
        <ol class="history">
          {revisions.map((revision) => (
            <RevisionEntry revision={revision} documentTitles={documentTitles} />
          ))}
        </ol>
      )}
      <ChainHeadNote head={head} lang={lang} />
    </Layout>
  );
}
