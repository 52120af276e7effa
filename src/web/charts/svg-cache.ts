/**
 * A bounded cache of rendered charts. One ECharts render costs a few milliseconds of CPU, most of it
 * ECharts' own option and layout pipeline, so a policy page with several indicators would exceed its
 * 20 ms budget if every request drew them afresh. The SVG depends only on the indicator and the options,
 * so the same input is served from here; the oldest entry goes when the cache is full.
 */

export class SvgCache {
  readonly #entries = new Map<string, string | null>();

  constructor(readonly capacity: number) {}

  /** The cached value for a key, or the computed one, stored and returned. */
  get(key: string, compute: () => string | null): string | null {
    if (this.#entries.has(key)) {
      const value = this.#entries.get(key) as string | null;
      // Re-inserting marks the entry as recently used: Map keeps insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, value);
      return value;
    }
    const value = compute();
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
