/** One record an import creates, updates or leaves alone, with its before and after as flat editing records. */
import { canonicalJson } from '../../domain/editing/hash-chain.ts';
import type { IndicatorValueRecord } from '../../domain/editing/records.ts';
import type { SourceRef } from '../../domain/model.ts';
import type { ImportAction, ImportChange } from '../../store/table-import/index.ts';
import type { TableRowError } from '../tables/index.ts';

export interface RowPlace {
  file: string;
  sheet?: string | undefined;
  row: number;
}

/** A change the store writes, and the file row it came from. */
export type RecordChange = ImportChange & { place: RowPlace };

const isAbsent = (value: unknown) => value === null || value === undefined;

/** Whether two field values are the same as canonical JSON sees them (null and absent alike), cheapest test first. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (isAbsent(a) && isAbsent(b))) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return sameFlatObject(a, b) ?? canonicalJson(a) === canonicalJson(b);
}

// A source is an object of plain values: compared key by key, or undefined to leave deeper values to JSON.
// Only undefined counts as absent inside an object: canonical JSON keeps a null there.
function sameFlatObject(a: object, b: object): boolean | undefined {
  if (Array.isArray(a) || Array.isArray(b)) return undefined;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) {
    const value = left[key];
    if (typeof value === 'object' && value !== null) return undefined;
    if (value !== right[key]) return false;
  }
  for (const key in right) {
    const value = right[key];
    if (typeof value === 'object' && value !== null) return undefined;
    if (value !== undefined && !(key in left)) return false;
  }
  return true;
}

/**
 * Fields whose canonical JSON differs, e.g. `changedFields({ a: 1, b: 2 }, { a: 1, b: 3 }) // ['b']`. Runs for every
 * row of a re-imported file, so values are compared directly and only objects (a source) go through JSON.
 */
export function changedFields(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const changed: string[] = [];
  for (const key in a) if (!sameValue(b[key], a[key])) changed.push(key);
  for (const key in b) if (!(key in a) && !sameValue(b[key], undefined)) changed.push(key);
  return changed.sort();
}

// Shared by every created record (one array rather than 100,000 empty ones); frozen so no one can fill it.
const noFields = Object.freeze([]) as unknown as string[];

/** A change for `after`, compared with what is stored (null when nothing is). */
export function recordChange<C extends RecordChange>(
  base: Pick<C, 'place' | 'entity' | 'id' | 'planId' | 'before' | 'after'>,
): C {
  const fields = base.before === null ? noFields : changedFields(base.before, base.after);
  const action: ImportAction = base.before === null ? 'create' : fields.length > 0 ? 'update' : 'unchanged';
  // A literal, not a spread: one of these per imported row.
  const change = {
    place: base.place,
    entity: base.entity,
    id: base.id,
    planId: base.planId,
    action,
    before: base.before,
    after: base.after,
    changedFields: fields,
  };
  return change as C;
}

/** A rejection of one row, in the reader's error shape. */
export function rowError(
  place: RowPlace,
  column: string,
  value: string,
  messageJa: string,
  messageEn: string,
): TableRowError {
  const error: TableRowError = { file: place.file, row: place.row, column, value, messageJa, messageEn };
  return place.sheet === undefined ? error : { ...error, sheet: place.sheet };
}

/** The row's source, keeping the stored one (with any URL) when it names the same words. */
export function sourceOf(
  row: {
    sourceDocumentId: string | null;
    sourceSection: string | null;
    sourceLine: number | null;
    sourcePage: number | null;
    sourceQuote: string | null;
  },
  stored: SourceRef | undefined,
): SourceRef | undefined {
  if (row.sourceDocumentId === null) return stored;
  const ref: SourceRef = { documentId: row.sourceDocumentId };
  if (row.sourceSection !== null) ref.section = row.sourceSection;
  if (row.sourceLine !== null) ref.line = row.sourceLine;
  if (row.sourcePage !== null) ref.page = row.sourcePage;
  if (row.sourceQuote !== null) ref.quote = row.sourceQuote;
  if (stored?.url === undefined) return ref;
  return canonicalJson(ref) === canonicalJson({ ...stored, url: undefined }) ? stored : ref;
}

/**
 * The printed text and qualifier of an imported value. Our own exports write bare numbers (679万 as 6790000), so a
 * bare number equal to the stored value keeps the stored wording rather than overwrite 「就任前/679万」 with digits.
 * @example printedForm({ value: 6790000, text: '6790000', qualifier: null }, stored) // { text: '就任前/679万', qualifier: null }
 */
export function printedForm(
  figure: { value: number; text: string; qualifier: IndicatorValueRecord['qualifier'] },
  stored: Pick<IndicatorValueRecord, 'value' | 'text' | 'qualifier'> | undefined,
): { text: string | undefined; qualifier: IndicatorValueRecord['qualifier'] } {
  const bare = figure.qualifier === null && figure.text.trim() === String(figure.value);
  if (bare && stored !== undefined && stored.value === figure.value) {
    return { text: stored.text, qualifier: stored.qualifier };
  }
  return { text: figure.text, qualifier: figure.qualifier };
}
