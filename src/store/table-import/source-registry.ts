/**
 * Source rows an import adds. Rows citing the same words of the same document share one source row: a 100,000-row
 * file of a city's statistics cites a handful of tables, and one row per value would double what is written.
 */
import { randomBytes } from 'node:crypto';
import type { SourceRef } from '../../domain/model.ts';
import { sourceOwnColumns, sourceToRow } from '../records/source-rows.ts';

/** The columns of `rows`: the id, a source's own columns, then the stamps. */
export const sourceRowColumns = ['id', ...sourceOwnColumns, 'created_at', 'updated_at'] as const;

export class SourceRegistry {
  readonly rows: unknown[][] = [];
  private readonly ids = new Map<string, string>();
  private readonly byRef = new Map<SourceRef, string>();
  // One random prefix per import and a counter after it: new ids land side by side in the primary key's
  // B-tree instead of at 100,000 random places, which made SQLite's inserts a third slower. 72 random bits rather
  // than a 36-character UUID: every value row and its index repeat the id, and 2^36 imports may pass before two
  // prefixes are even likely to meet.
  private readonly prefix = randomBytes(9).toString('base64url');

  constructor(private readonly now: string) {}

  /** The id of a new source row for `ref`, shared with earlier identical refs of this import. */
  idFor(ref: SourceRef): string {
    // Planners share one ref object among rows citing the same words: the identity check skips building a key.
    const known = this.byRef.get(ref);
    if (known !== undefined) return known;
    const key = [ref.documentId, ref.section, ref.line, ref.page, ref.quote, ref.url].join('\u0000');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `${this.prefix}.${this.rows.length.toString(36).padStart(6, '0')}`;
      this.ids.set(key, id);
      const row = sourceToRow(ref);
      this.rows.push([id, ...sourceOwnColumns.map((column) => row[column]), this.now, this.now]);
    }
    this.byRef.set(ref, id);
    return id;
  }
}
