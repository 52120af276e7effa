/** The 「下書き」 mark on an item that has unpublished changes, saying which kind. */
import type { DraftInfo } from '../../store/editing/contract.ts';

const actionLabels = {
  create: '新規 (new)',
  update: '変更 (changed)',
  delete: '削除予定 (to be deleted)',
} as const;

export function DraftBadge({ draft }: { draft: DraftInfo | undefined }) {
  if (!draft) return null;
  return <span class="draft-badge">下書き (draft): {actionLabels[draft.action]}</span>;
}
