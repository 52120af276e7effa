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
 * One entry of a list as a reader knows it: a vocabulary's `code: label` (完了 rather than its JSON), a plain value
 * as itself; anything else as stored.
 */
function itemText(item: unknown): string {
  if (typeof item !== 'object' || item === null) return String(item);
  const fields = item as Record<string, unknown>;
  const label = [fields.label, fields.title, fields.name].find((value) => typeof value === 'string');
  if (typeof label !== 'string') return JSON.stringify(item);
  return typeof fields.code === 'string' ? `${fields.code}: ${label}` : label;
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
    .map((field) => readable({ field, before: left.get(field) ?? null, after: right.get(field) ?? null }));
}

/** A list's JSON as its entries' words, when the words still show the difference (a colour alone does not). */
function readable(change: FieldChange): FieldChange {
  const words = (text: string | null) => {
    if (text === null || !text.startsWith('[')) return text;
    try {
      const list: unknown = JSON.parse(text);
      return Array.isArray(list) ? list.map(itemText).join('、') : text;
    } catch {
      return text;
    }
  };
  const before = words(change.before);
  const after = words(change.after);
  return before === after ? change : { ...change, before, after };
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

/**
 * The document ids a set of revisions cites in a `documentId` field, before or after, for looking up their titles.
 * @example citedDocumentIds([{ before: null, after: { source: { documentId: 'd1' } } }]) // ['d1']
 */
export function citedDocumentIds(revisions: readonly { before: unknown; after: unknown }[]): string[] {
  const ids = new Set<string>();
  for (const revision of revisions) {
    for (const change of changedFields(revision.before, revision.after)) {
      if (change.field !== 'documentId' && !change.field.endsWith('.documentId')) continue;
      for (const id of [change.before, change.after]) if (id !== null) ids.add(id);
    }
  }
  return [...ids];
}
