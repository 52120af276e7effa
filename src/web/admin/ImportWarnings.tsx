/**
 * The import preview's plausibility warnings: one row each naming file, row and field, with a checkbox staff tick
 * to confirm it (the import refuses while one is unticked), and the choice to publish at once or save drafts.
 */
import type { ImportWarning } from '../../io/table-import/index.ts';

const placeOf = (w: ImportWarning) => (w.sheet ? `${w.sheet} ${w.row}` : `${w.row}`);

export function ImportWarnings({ warnings }: { warnings: ImportWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <fieldset class="import-warnings">
      <legend>
        確認が必要な注意 (warnings to confirm): {warnings.length.toLocaleString('ja-JP')}件 ―
        値が正しければ一つずつ確かめて印を付けてください。誤りならファイルを直してもう一度選んでください (tick
        each one you have checked is right; otherwise fix the file and choose it again)
      </legend>
      <section class="table-scroll" aria-label="確認が必要な注意 (warnings to confirm)" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">確認 (confirm)</th>
              <th scope="col">ファイル (file)</th>
              <th scope="col">行 (row)</th>
              <th scope="col">項目 (field)</th>
              <th scope="col">値 (value)</th>
              <th scope="col">注意 (warning)</th>
            </tr>
          </thead>
          <tbody>
            {warnings.map((w, n) => (
              <tr>
                <td>
                  <input
                    type="checkbox"
                    name="confirm"
                    value={w.id}
                    id={`warning-${n}`}
                    checked={w.confirmed}
                    aria-label={`確認した (confirmed): ${placeOf(w)} ${w.field}`}
                  />
                </td>
                <td>{w.file}</td>
                <td>{placeOf(w)}</td>
                <td>{w.field}</td>
                <td>{w.value}</td>
                <td>
                  <label for={`warning-${n}`}>
                    {w.messageJa} ({w.messageEn})
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </fieldset>
  );
}

/** Drafts (the default) or publish at once; an editor imports as drafts only (publishing is an admin's). */
export function PublishChoice({ mayPublish = true }: { mayPublish?: boolean }) {
  return (
    <fieldset>
      <legend>公開のしかた (going live)</legend>
      <p>
        <input type="radio" id="import-as-drafts" name="publish" value="drafts" checked />{' '}
        <label for="import-as-drafts">
          下書きとして取り込み、公開ページで確認してから公開する (as drafts, to review and publish on the
          publish page)
        </label>
      </p>
      {mayPublish ? (
        <p>
          <input type="radio" id="import-publish" name="publish" value="now" />{' '}
          <label for="import-publish">すぐに公開する (publish at once)</label>
        </p>
      ) : (
        <p class="meta">下書きの公開は管理者が行います (an admin publishes the drafts)</p>
      )}
    </fieldset>
  );
}
