/**
 * The status vocabulary a plan uses for its nodes. Each plan may bring its own; this is the glossary's default.
 * Colours are Digital Agency primitives in two bands of lightness that alternate down the list: very dark ones
 * carry white text, mid ones black text, and a dark and a mid colour side by side in a status bar are at least
 * 3:1 apart, as each is against the white page. Hues differ too (完了 deep green, 一部実現 lime, 未着手 near-black,
 * 未評価 purple), and each status has a pattern in the bar (status.css), so colour is never the only sign.
 * status-colors.test.ts computes the ratios.
 */
import type { StatusDefinition } from './model.ts';

export const defaultStatusVocabulary: readonly StatusDefinition[] = [
  // green-1100, 13.6:1 on white
  { code: 'done', label: '完了', labelEn: 'Done', color: '#08351f', countsAsDone: true },
  // lime-800, 3.9:1 on white, 5.4:1 with black text
  { code: 'partly_done', label: '一部実現', labelEn: 'Partly done', color: '#618e00', countsAsDone: false },
  // blue-1000
  { code: 'in_progress', label: '進行中', labelEn: 'In progress', color: '#00118f', countsAsDone: false },
  // cyan-700
  { code: 'planned', label: '予定', labelEn: 'Planned', color: '#008da6', countsAsDone: false },
  // solid-gray-900
  { code: 'not_started', label: '未着手', labelEn: 'Not started', color: '#1a1a1a', countsAsDone: false },
  // orange-700
  { code: 'stalled', label: '停滞', labelEn: 'Stalled', color: '#e25100', countsAsDone: false },
  // red-1200
  { code: 'dropped', label: '断念', labelEn: 'Dropped', color: '#620000', countsAsDone: false },
];

/** The vocabulary in force for a plan: its own, or the default. */
export function statusVocabularyOf(plan: {
  statusVocabulary: StatusDefinition[] | null;
}): readonly StatusDefinition[] {
  return plan.statusVocabulary ?? defaultStatusVocabulary;
}

/**
 * A status the source does not state is shown as 未評価 rather than guessed. Its colour (purple-500, mid band) differs
 * in hue and lightness from every status, 未着手's near-black above all: not knowing is not having started.
 */
export const unassessedStatus: StatusDefinition = {
  code: 'unassessed',
  label: '未評価',
  labelEn: 'Not assessed',
  color: '#a565f8',
  countsAsDone: false,
};

export function findStatus(vocabulary: readonly StatusDefinition[], code: string | null): StatusDefinition {
  return vocabulary.find((s) => s.code === code) ?? unassessedStatus;
}
