/** One published change as a citizen reads it: what, when (JST), who, why, and each field before and after. */
import type { Revision } from '../../store/editing/contract.ts';
import { Ja } from '../components/Ja.tsx';
import { useLang } from '../i18n/index.ts';
import { isBatchImport } from './batch-import.ts';
import { changedFields, type FieldChange } from './changed-fields.ts';
import { fieldLabel, valueLabel } from './field-labels.ts';
import { actionLabel, historyWords } from './history-words.ts';
import { ImportSummary } from './ImportSummary.tsx';
import { jstDateTime } from './jst-time.ts';
import { isWording, wordDiff } from './word-diff.ts';

/** A wording change as two cells: the old text with its removed words struck, the new with its added words marked. */
function WordingCells({ before, after }: { before: string; after: string }) {
  const parts = wordDiff(before, after);
  return (
    <>
      <td>
        <Ja>
          {parts
            .filter((part) => part.change !== 'added')
            .map((part) => (part.change === 'removed' ? <del>{part.text}</del> : part.text))}
        </Ja>
      </td>
      <td>
        <Ja>
          {parts
            .filter((part) => part.change !== 'removed')
            .map((part) => (part.change === 'added' ? <ins>{part.text}</ins> : part.text))}
        </Ja>
      </td>
    </>
  );
}

/** Titles of the documents a history cites, by id: a source reads as its title, not its code. */
export type DocumentTitles = ReadonlyMap<string, string>;

const isDocumentField = (field: string) => field === 'documentId' || field.endsWith('.documentId');

function ChangeRow({
  entity,
  change,
  created,
  documentTitles,
}: {
  entity: string;
  change: FieldChange;
  /** A new record has no "before": its fields are listed with their values only. */
  created: boolean;
  documentTitles: DocumentTitles;
}) {
  const lang = useLang();
  const words = historyWords[lang];
  // A code in words is in the page's language; a value as stored is the data's, Japanese.
  const shown = (value: string | null) => {
    if (value === null) return words.none;
    const title = isDocumentField(change.field) ? documentTitles.get(value) : undefined;
    if (title !== undefined)
      return (
        <>
          <Ja>「{title}」</Ja> <code>{value}</code>
        </>
      );
    const label = valueLabel(entity, change.field, value, lang);
    return label === value ? <Ja>{value}</Ja> : label;
  };
  return (
    <tr>
      <th scope="row">{fieldLabel(change.field, lang)}</th>
      {created ? (
        <td>{shown(change.after)}</td>
      ) : isWording(change.before, change.after) ? (
        <WordingCells before={change.before ?? ''} after={change.after ?? ''} />
      ) : (
        <>
          <td>{shown(change.before)}</td>
          <td>{shown(change.after)}</td>
        </>
      )}
    </tr>
  );
}

function FieldChanges({ revision, documentTitles }: { revision: Revision; documentTitles: DocumentTitles }) {
  const words = historyWords[useLang()];
  const changes = changedFields(revision.before, revision.after);
  if (changes.length === 0) return null;
  // A column of （なし） beside every field of a new record says nothing and squeezes the values on a phone.
  const created = revision.before === null;
  return (
    <div class="table-scroll">
      <table class="field-changes">
        <thead>
          <tr>
            <th scope="col">{words.field}</th>
            {created ? (
              <th scope="col">{words.value}</th>
            ) : (
              <>
                <th scope="col">{words.before}</th>
                <th scope="col">{words.after}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <ChangeRow
              entity={revision.entity}
              change={change}
              created={created}
              documentTitles={documentTitles}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** When, who and why, in one line. */
export function RevisionMeta({ revision }: { revision: Revision }) {
  const lang = useLang();
  const words = historyWords[lang];
  return (
    <p class="revision-meta">
      <strong>{actionLabel(revision, lang)}</strong>{' '}
      <time datetime={revision.at}>{jstDateTime(revision.at, lang)}</time>
      {` · ${words.by}: ${revision.actor}`}
      {revision.reason ? (
        <>
          {` · ${words.reason}: `}
          <Ja>{revision.reason}</Ja>
        </>
      ) : null}
    </p>
  );
}

export function RevisionEntry({
  revision,
  documentTitles = new Map(),
}: {
  revision: Revision;
  documentTitles?: DocumentTitles;
}) {
  const words = historyWords[useLang()];
  return (
    <li class="revision" id={`seq-${revision.seq}`}>
      <RevisionMeta revision={revision} />
      {revision.unreadable ? (
        <p class="revision-broken" role="alert">
          <strong>{words.broken}</strong>: seq {revision.seq}. {revision.unreadable}
        </p>
      ) : isBatchImport(revision) ? (
        <ImportSummary summary={revision.after} />
      ) : (
        <FieldChanges revision={revision} documentTitles={documentTitles} />
      )}
    </li>
  );
}
