/**
 * The status vocabulary a plan uses for its nodes. Each plan may bring its own; this is the glossary's default.
 * Colours are Digital Agency primitives dark enough for white text (AA contrast).
 */
import type { StatusDefinition } from './model.ts';

export const defaultStatusVocabulary: readonly StatusDefinition[] = [
  { code: 'done', label: '完了', labelEn: 'Done', color: '#197a4b', countsAsDone: true },
  { code: 'partly_done', label: '一部実現', labelEn: 'Partly done', color: '#115a36', countsAsDone: false },
  { code: 'in_progress', label: '進行中', labelEn: 'In progress', color: '#0031d8', countsAsDone: false },
  { code: 'planned', label: '予定', labelEn: 'Planned', color: '#4d4d4d', countsAsDone: false },
  { code: 'not_started', label: '未着手', labelEn: 'Not started', color: '#666666', countsAsDone: false },
  { code: 'stalled', label: '停滞', labelEn: 'Stalled', color: '#ac3e00', countsAsDone: false },
  { code: 'dropped', label: '断念', labelEn: 'Dropped', color: '#ce0000', countsAsDone: false },
];

/** The vocabulary in force for a plan: its own, or the default. */
export function statusVocabularyOf(plan: {
  statusVocabulary: StatusDefinition[] | null;
}): readonly StatusDefinition[] {
  return plan.statusVocabulary ?? defaultStatusVocabulary;
}

/**
 * A status the source does not state is shown as 未評価 rather than guessed. Its colour (purple-700) differs in hue
 * from every status, 未着手's grey above all: not knowing is not the same as not having started.
 */
export const unassessedStatus: StatusDefinition = {
  code: 'unassessed',
  label: '未評価',
  labelEn: 'Not assessed',
  color: '#6f23d0',
  countsAsDone: false,
};

export function findStatus(vocabulary: readonly StatusDefinition[], code: string | null): StatusDefinition {
  return vocabulary.find((s) => s.code === code) ?? unassessedStatus;
}
