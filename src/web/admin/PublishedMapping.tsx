/**
 * The column mapping of a table in the published shape on the admin import page: each column with its guess in a
 * select, a year for value columns, the year-kind question (「H25」: 年 or 年度?), the node for rows without a
 * plan-tree column and a name to save the mapping under. Check again re-runs the preview; import submits the same
 * fields with the confirmation. Works without JavaScript.
 */
import type { ImportWarning } from '../../io/table-import/index.ts';
import { describeTarget } from '../../io/table-import/published-format.ts';
import type { PublishedImportSummary } from '../../io/table-import/published-summary.ts';
import type { TableRowError } from '../../io/tables/index.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import { ImportWarnings, PublishChoice } from './ImportWarnings.tsx';
import { groupNotes } from './note-groups.ts';

// The select's words: short enough that a choice reads whole in a phone's width (about 20 characters).
const selectWords: Record<string, string> = {
  node: 'ノードの名前・コード (node)',
  nodeCode: 'ノードのコード (node code)',
  baselineYear: '基準年 (baseline year)',
  targetYear: '目標年 (target year)',
  category: '区分・取り込まない (category, skipped)',
  progress: '進捗・取り込まない (progress, skipped)',
  note: '備考・取り込まない (note, skipped)',
  forecast: '見込・取り込まない (forecast)',
  unknown: '不明・選んでください (unknown: map it)',
};
function optionText(target: string): string {
  const [head = '', year] = target.split(/:(.*)/su);
  const words = selectWords[head];
  if (words === undefined) return describeTarget(target);
  return year === undefined || year === '' ? words : `${words} ${year}`;
}

const choices = [
  'name',
  'id',
  'node',
  'nodeCode',
  'unit',
  'direction',
  'source',
  'baselineYear',
  'targetYear',
  'baseline',
  'target',
  'actual',
  'forecast',
  'category',
  'progress',
  'note',
  'ignore',
] as const;

export interface PublishedMappingProps {
  summary: PublishedImportSummary;
  csrfToken: string;
  token: string;
  /** Whether the preview passed, so the import button is offered. */
  canImport: boolean;
  node?: string | undefined;
  /** The plausibility warnings to tick before importing, and the drafts-or-publish choice beside them. */
  warnings?: ImportWarning[];
  /** Whether the user may publish at once (an admin); editors import as drafts. */
  mayPublish?: boolean;
}

function ColumnRow({ column }: { column: PublishedImportSummary['columns'][number] }) {
  const id = `target-${column.index}`;
  const options = choices.includes(column.target as (typeof choices)[number])
    ? choices
    : [column.target, ...choices];
  return (
    <tr>
      <th scope="row">
        <label for={id}>
          {column.sheet === undefined ? column.letter : `${column.sheet}!${column.letter}`} {column.header}
        </label>
        <input type="hidden" name={`header-${column.index}`} value={column.header} />
      </th>
      <td>
        <select id={id} name={id}>
          {column.target === 'unknown' ? (
            <option value="unknown" selected>
              {optionText('unknown')}
            </option>
          ) : null}
          {options.map((target) => (
            <option value={target} selected={target === column.target}>
              {optionText(target)}
            </option>
          ))}
        </select>
        {column.ambiguous ? <span class="form-error"> 年か年度か未回答 (year kind?)</span> : null}
      </td>
      <td>
        <input
          type="text"
          name={`year-${column.index}`}
          aria-label={`${column.header} の年 (year, e.g. H31年度)`}
          placeholder="例: H31年度"
        />
      </td>
    </tr>
  );
}

export function PublishedMapping({
  summary,
  csrfToken,
  token,
  canImport,
  node,
  warnings,
  mayPublish = true,
}: PublishedMappingProps) {
  const yearKind = summary.mapping.yearKind;
  return (
    <form method="post" action="/admin/import/recheck" class="staff-form column-mapping">
      <input type="hidden" name={csrfFieldName} value={csrfToken} />
      <input type="hidden" name="token" value={token} />
      <section class="table-scroll" aria-label="列の対応づけ (column mapping)" tabindex={0}>
        <table class="mapping-table">
          <caption>列の対応づけ (column mapping): 推測を確かめ、違えば選び直してください</caption>
          <thead>
            <tr>
              <th scope="col">列と見出し (column, header)</th>
              <th scope="col">取り込み先 (field)</th>
              <th scope="col">年 (year, if none)</th>
            </tr>
          </thead>
          <tbody>
            {summary.columns.map((column) => (
              <ColumnRow column={column} />
            ))}
          </tbody>
        </table>
      </section>
      {summary.question || yearKind !== null ? (
        <fieldset>
          <legend>
            「H25」のような見出しは年 (暦年) ですか、年度ですか (are bare year headers calendar or fiscal
            years?)
          </legend>
          <p>
            <input
              type="radio"
              id="year-kind-fiscal"
              name="yearKind"
              value="fiscal"
              checked={yearKind === 'fiscal'}
            />
            <label for="year-kind-fiscal">年度 (fiscal year, April–March)</label>
          </p>
          <p>
            <input
              type="radio"
              id="year-kind-calendar"
              name="yearKind"
              value="calendar"
              checked={yearKind === 'calendar'}
            />
            <label for="year-kind-calendar">年 (calendar year)</label>
          </p>
        </fieldset>
      ) : null}
      <p class="field">
        <label for="mapping-node">
          置き先のノード: 表の行、または施策コードの列が名指す施策をこの下に置きます (the node to place the
          rows under, or the nodes a code column names: its id, code or title; created when missing)
        </label>
        <input id="mapping-node" type="text" name="node" value={node ?? ''} />
      </p>
      <p class="field">
        <label for="mapping-save">
          この対応づけを名前を付けて保存 (save this mapping as; blank: do not save)
        </label>
        <input id="mapping-save" type="text" name="saveMapping" maxlength={100} />
      </p>
      {canImport ? (
        <>
          <ImportWarnings warnings={warnings ?? []} />
          <PublishChoice mayPublish={mayPublish} />
        </>
      ) : null}
      <p>
        <button type="submit">この対応づけで確認し直す (check again with this mapping)</button>{' '}
        {canImport ? (
          <button type="submit" formaction="/admin/import/commit">
            この内容で取り込む (import: all rows or none, recorded in the history)
          </button>
        ) : null}
      </p>
    </form>
  );
}

function NoteLine({ note }: { note: TableRowError }) {
  return (
    <>
      {note.row > 0 ? `${note.row}行目 ` : ''}
      {note.column === '' ? '' : `「${note.column}」 `}
      {note.messageJa} ({note.messageEn})
    </>
  );
}

/** What the preview read that refuses nothing, one line per kind: each row's values, words skipped, nodes to create, the file's document. */
export function PublishedNotes({ summary }: { summary: PublishedImportSummary }) {
  return (
    <details open>
      <summary>読み取った内容 (what was read): {summary.notes.length}件</summary>
      <ul class="note-groups">
        {groupNotes(summary.notes).map((group) =>
          group.notes.length === 1 && group.notes[0] ? (
            <li>
              <NoteLine note={group.notes[0]} />
            </li>
          ) : (
            <li>
              <details>
                <summary>
                  {group.kind}: {group.notes.length}件 ({group.notes.length} notes)
                </summary>
                <ul>
                  {group.notes.map((note) => (
                    <li>
                      <NoteLine note={note} />
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ),
        )}
      </ul>
      {summary.document === null ? null : (
        <p class="meta">
          出典 (source): {summary.document.title} → 資料 {summary.document.id}
          {summary.document.created ? ' を登録します (to be registered)' : ' (登録済み, already registered)'}
        </p>
      )}
    </details>
  );
}

/** The upload form's extra fields for a table in the published shape: a saved mapping and the node. */
export function PublishedUploadFields({ mappings }: { mappings: readonly string[] }) {
  return (
    <>
      {mappings.length > 0 ? (
        <p class="field">
          <label for="import-mapping">
            保存した列の対応づけ (saved column mapping, for a table as published)
          </label>
          <select id="import-mapping" name="mappingName">
            <option value="">（使わない / none）</option>
            {mappings.map((name) => (
              <option value={name}>{name}</option>
            ))}
          </select>
        </p>
      ) : null}
      <p class="field">
        <label for="import-node">
          置き先のノード: 表の行、または施策コードの列が名指す施策をこの下に置きます (for a table as
          published: the node to place the rows, or the nodes a code column names, under: its id, code or
          title)
        </label>
        <input id="import-node" type="text" name="node" />
      </p>
    </>
  );
}
