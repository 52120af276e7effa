/** The public history of one item: every published change, oldest first, so original wording stays visible. */
import { type ChainHead, formatChainHead } from '../../domain/editing/hash-chain.ts';
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { Revision } from '../../store/editing/contract.ts';
import { Layout } from '../components/Layout.tsx';
import { isBatchImport } from './batch-import.ts';
import { changedFields } from './changed-fields.ts';
import { ImportSummary } from './ImportSummary.tsx';

export interface HistoryPageProps {
  entity: EditingEntity;
  id: string;
  revisions: Revision[];
  /** Where the whole history's hash chain ends now, for readers to keep and check later. */
  head: ChainHead;
}

const actionLabels: Record<string, string> = {
  create: '追加 (created)',
  update: '変更 (changed)',
  delete: '削除 (deleted)',
  publish: '公開 (published)',
  import: '取り込み (imported)',
};

function FieldChanges({ revision }: { revision: Revision }) {
  const changes = changedFields(revision.before, revision.after);
  if (changes.length === 0) return null;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">項目 (field)</th>
          <th scope="col">変更前 (before)</th>
          <th scope="col">変更後 (after)</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr>
            <th scope="row">{change.field}</th>
            <td>{change.before ?? '—'}</td>
            <td>{change.after ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A publish revision's before is null for a new record, and its after is null for a deleted one. */
function RevisionItem({ revision }: { revision: Revision }) {
  return (
    <li class="revision">
      <p>
        <strong>{actionLabels[revision.action] ?? revision.action}</strong>{' '}
        <time datetime={revision.at}>{revision.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}</time>
        {' · '}
        {revision.actor}
        {revision.reason ? ` · 理由 (reason): ${revision.reason}` : ''}
      </p>
      {revision.unreadable ? (
        <p class="revision-broken" role="alert">
          <strong>この変更履歴は壊れていて読めません (this revision is broken and cannot be read)</strong>:
          seq {revision.seq}. {revision.unreadable}
        </p>
      ) : isBatchImport(revision) ? (
        <ImportSummary summary={revision.after} />
      ) : (
        <FieldChanges revision={revision} />
      )}
    </li>
  );
}

/** The chain head, so that anyone can keep it and later prove with `mieruka verify --head` that nothing was rewritten. */
function ChainHeadNote({ head }: { head: ChainHead }) {
  return (
    <p class="history-head">
      変更履歴全体の先頭 (head of the whole history's hash chain): <code>{formatChainHead(head)}</code>
      <br />
      この値を控えておくと、あとで <code>mieruka verify --head {formatChainHead(head)}</code>{' '}
      で履歴が書き換えられていないことを確かめられます (keep it: verify --head later proves the history was
      only appended to)
    </p>
  );
}

export function HistoryPage({ entity, id, revisions, head }: HistoryPageProps) {
  const title = `変更履歴 (history): ${entity} ${id}`;
  return (
    <Layout title={title} path={`/history/${entity}/${id}`}>
      <h1>{title}</h1>
      {revisions.length === 0 ? (
        <p>公開された変更はまだありません (no published changes yet)</p>
      ) : (
        <ol class="history">
          {revisions.map((revision) => (
            <RevisionItem revision={revision} />
          ))}
        </ol>
      )}
      <ChainHeadNote head={head} />
    </Layout>
  );
}
