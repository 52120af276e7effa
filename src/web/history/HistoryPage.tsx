/** The public history of one item: every published change, oldest first, so original wording stays visible. */
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
      {isBatchImport(revision) ? (
        <ImportSummary summary={revision.after} />
      ) : (
        <FieldChanges revision={revision} />
      )}
    </li>
  );
}

export function HistoryPage({ entity, id, revisions }: HistoryPageProps) {
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
    </Layout>
  );
}
