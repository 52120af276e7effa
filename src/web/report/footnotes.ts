/** Sources as numbered footnotes: the first citation of a document line gets the next number, repeats reuse it. */
import type { SourceRef } from '../../domain/model.ts';

export interface Footnote {
  n: number;
  source: SourceRef;
}

export class Footnotes {
  readonly #byKey = new Map<string, Footnote>();

  /** The footnote number of a source. @example notes.cite({ documentId: 'a', line: 3 }) // 1 */
  cite(source: SourceRef): number {
    const key = `${source.documentId}#${source.line ?? ''}`;
    const found = this.#byKey.get(key);
    if (found) return found.n;
    const note = { n: this.#byKey.size + 1, source };
    this.#byKey.set(key, note);
    return note.n;
  }

  all(): Footnote[] {
    return [...this.#byKey.values()];
  }
}
