/**
 * A preview's notes grouped by kind, so forty 「指標「…」を読みました」 lines read as one line with a count and the
 * details folded away. The kind is the Japanese message with what varies (quoted words, parentheses, numbers, what
 * follows a colon) taken out.
 */
import type { TableRowError } from '../../io/tables/index.ts';

export interface NoteGroup {
  /** The message with its varying parts as 「…」: 「指標「…」(…) を読みました」. */
  kind: string;
  notes: TableRowError[];
}

/**
 * The kind a note belongs to.
 * @example noteKind('指標「図書館入館者数」(単位なし) を読みました: 2000年 実績 102521人') // '指標「…」(…) を読みました'
 */
export function noteKind(messageJa: string): string {
  return messageJa
    .replace(/「[^」]*」/g, '「…」')
    .replace(/[(（][^)）]*[)）]/g, '(…)')
    .replace(/[:：].*$/s, '')
    .replace(/\d[\d,.]*/g, '#')
    .trim();
}

/** The notes in groups, each in the order of its first note. */
export function groupNotes(notes: readonly TableRowError[]): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const note of notes) {
    const kind = noteKind(note.messageJa);
    const group = groups.get(kind) ?? { kind, notes: [] };
    group.notes.push(note);
    groups.set(kind, group);
  }
  return [...groups.values()];
}
