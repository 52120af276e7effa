/**
 * Sources as numbered footnotes, one per quote: two figures printed on the same line of a document (ふるさと納税's
 * 「1月現在/3億4300万」 and 「超過勤務時間削減 -12.81%」) each cite their own words. A repeated quote reuses its number.
 * Documents get numbers of their own, so a footnote says 「資料1・89行目」 and the title stands once in the source list.
 */
import type { SourceRef } from '../../domain/model.ts';

export interface Footnote {
  n: number;
  source: SourceRef;
  /** The number of the footnote's document in the source list, from 1. */
  documentNumber: number;
}

export class Footnotes {
  readonly #byKey = new Map<string, Footnote>();
  readonly #documents = new Map<string, number>();

  /** The footnote number of a source. @example notes.cite({ documentId: 'a', line: 3, quote: 'x' }) // 1 */
  cite(source: SourceRef): number {
    const key = JSON.stringify([source.documentId, source.line ?? null, source.quote ?? null]);
    const found = this.#byKey.get(key);
    if (found) return found.n;
    const note = { n: this.#byKey.size + 1, source, documentNumber: this.#documentNumber(source.documentId) };
    this.#byKey.set(key, note);
    return note.n;
  }

  #documentNumber(documentId: string): number {
    const known = this.#documents.get(documentId);
    if (known !== undefined) return known;
    const n = this.#documents.size + 1;
    this.#documents.set(documentId, n);
    return n;
  }

  all(): Footnote[] {
    return [...this.#byKey.values()];
  }

  /** The cited documents' ids, in the order first cited: the source list. */
  documents(): string[] {
    return [...this.#documents.keys()];
  }
}
