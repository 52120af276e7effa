/** A map that forgets its least recently used entries beyond a count and a total size. */

export interface LruOptions {
  maxEntries: number;
  maxBytes: number;
}

export class Lru<V> {
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(readonly options: LruOptions) {}

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): V | undefined {
    const found = this.#entries.get(key);
    if (!found) return undefined;
    // Re-inserting moves the key to the end, so the Map's order is the order of use.
    this.#entries.delete(key);
    this.#entries.set(key, found);
    return found.value;
  }

  /** Stores `value`; anything larger than the whole budget is not kept at all. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.options.maxBytes) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.options.maxEntries && this.#bytes <= this.options.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const found = this.#entries.get(key);
    if (!found) return;
    this.#entries.delete(key);
    this.#bytes -= found.bytes;
  }

  /** Forgets every entry whose value `drop` says so of. */
  deleteWhere(drop: (value: V) => boolean): void {
    for (const [key, entry] of this.#entries) if (drop(entry.value)) this.delete(key);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}
