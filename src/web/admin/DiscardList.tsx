/** One small POST form per pending draft, to drop it unpublished (kept apart: forms cannot nest). */
import type { DraftChange } from '../../store/editing/contract.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import { entityLabels } from './field-specs.ts';

export interface DiscardListProps {
  drafts: DraftChange[];
  csrfToken: string;
}

export function DiscardList({ drafts, csrfToken }: DiscardListProps) {
  if (drafts.length === 0) return null;
  return (
    <details>
      <summary>下書きを破棄する (discard drafts)</summary>
      <ul>
        {drafts.map((draft) => (
          <li>
            {entityLabels[draft.entity]} {draft.entityId}
            <form
              method="post"
              action={`/admin/drafts/${encodeURIComponent(draft.id)}/discard`}
              class="inline-form"
            >
              <input type="hidden" name={csrfFieldName} value={csrfToken} />
              <input type="hidden" name="version" value={String(draft.version)} />
              <button type="submit">破棄 (discard)</button>
            </form>
          </li>
        ))}
      </ul>
    </details>
  );
}
