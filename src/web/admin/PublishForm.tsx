/** The admin's publish form: every pending draft of the plan with a checkbox, all ticked by default. */
import type { DraftChange } from '../../store/editing/contract.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import { entityLabels } from './field-specs.ts';

export interface PublishFormProps {
  planId: string;
  drafts: DraftChange[];
  csrfToken: string;
  canPublish: boolean;
}

function draftTitle(draft: DraftChange): string {
  const data = draft.data as Record<string, unknown>;
  const name = data.title ?? data.name ?? data.text ?? data.value ?? '';
  return `${entityLabels[draft.entity]} ${draft.entityId} ${String(name)}`;
}

export function PublishForm({ planId, drafts, csrfToken, canPublish }: PublishFormProps) {
  if (drafts.length === 0) return <p>未公開の下書きはありません (no drafts to publish)</p>;
  const list = (
    <ul class="draft-list">
      {drafts.map((draft) => (
        <li>
          {canPublish ? (
            <input type="checkbox" name="draftIds" value={draft.id} id={`d-${draft.id}`} checked />
          ) : null}
          <label for={canPublish ? `d-${draft.id}` : undefined}>
            {draft.action} · {draftTitle(draft)}
          </label>
        </li>
      ))}
    </ul>
  );
  if (!canPublish) return list;
  return (
    <form method="post" action={`/admin/plans/${encodeURIComponent(planId)}/publish`} class="staff-form">
      <input type="hidden" name={csrfFieldName} value={csrfToken} />
      <fieldset>
        <legend>公開する下書き (drafts to publish)</legend>
        {list}
      </fieldset>
      <p class="field">
        <label for="publish-reason">公開の理由 (reason)</label>
        <input type="text" id="publish-reason" name="reason" />
      </p>
      <p>
        <button type="submit">選んだ下書きを公開 (publish selected drafts)</button>
      </p>
    </form>
  );
}
