/** What a revision changed, field by field, for the public history page. */

export interface FieldChange {
  /** Dotted path, e.g. "title" or "source.line". */
  field: string;
  before: string | null;
  after: string | null;
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, into);
    }
    return;
  }
  into.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * The fields whose values differ between two records (either may be null: a create or a delete).
 * @example changedFields({ title: 'a', line: 3 }, { title: 'b', line: 3 }) // [{ field: 'title', before: 'a', after: 'b' }]
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const left = new Map<string, string>();
  const right = new Map<string, string>();
  flatten(before, '', left);
  flatten(after, '', right);
  const fields = [...new Set([...left.keys(), ...right.keys()])];
  return fields
    .filter((field) => left.get(field) !== right.get(field))
    .map((field) => ({ field, before: left.get(field) ?? null, after: right.get(field) ?? null }));
}

/**
 * Whether a revision left the record as it was (a save of an unchanged form): such entries are hidden, since
 * an empty 「公開」 tells a reader nothing. Creates, deletes and unreadable rows always count.
 * @example changedNothing({ before: { title: 'a' }, after: { title: 'a' } }) // true
 */
export function changedNothing(revision: { before: unknown; after: unknown; unreadable?: string }): boolean {
  if (revision.unreadable || revision.before === null || revision.after === null) return false;
  return changedFields(revision.before, revision.after).length === 0;
}
